import type { Store } from '../store/connect';

/** A marking-done job: clears carried-out effects from their document (see markEffectsDone). */
type Job = () => Promise<unknown>;

/** At most this many markings at once per store: each holds a claim and costs four round trips. */
const CONCURRENCY = 4;
/** Past this backlog, markings are dropped: the relay clears those effects later (doing them again is harmless). */
const MAX_WAITING = 5000;

interface Queue {
  waiting: Job[];
  running: number;
  /** Told when the queue is empty and nothing runs (see settleMarkings). */
  idle: Array<() => void>;
}

const queues = new WeakMap<Store, Queue>();

/**
 * Runs marking-done jobs in the background with bounded concurrency. The fast path
 * of every write hands its marking here instead of awaiting it: under a burst of
 * intake, thousands of claims in flight would otherwise queue the requests' own
 * store operations behind them (measured: requests hanging past 10 s after a store
 * outage). One queue per store connection, kept beside it (no global state).
 */
export function markLater(store: Store, job: Job): void {
  let q = queues.get(store);
  if (!q) queues.set(store, (q = { waiting: [], running: 0, idle: [] }));
  if (q.waiting.length >= MAX_WAITING) return;
  q.waiting.push(job);
  drain(q);
}

function drain(q: Queue): void {
  if (q.running === 0 && q.waiting.length === 0) for (const done of q.idle.splice(0)) done();
  while (q.running < CONCURRENCY && q.waiting.length > 0) {
    const job = q.waiting.shift()!;
    q.running += 1;
    void job()
      .catch(() => undefined)
      .finally(() => {
        q.running -= 1;
        drain(q);
      });
  }
}

/** Background work of the writers' fast path, per store: carry-outs still in flight. */
const carryOuts = new WeakMap<Store, Set<Promise<unknown>>>();

/** Tracks one fast-path carry-out until it settles (see settleMarkings). */
export function trackCarryOut(store: Store, work: Promise<unknown>): void {
  let set = carryOuts.get(store);
  if (!set) carryOuts.set(store, (set = new Set()));
  const s = set;
  s.add(work);
  void work.finally(() => s.delete(work));
}

/**
 * Waits, at most `timeoutMs`, for the fast path's background work on `store` to
 * finish: carry-outs in flight and queued markings. The service's stop() calls it
 * before the store closes, so no write or read of that work is cut off (and a test
 * that drops its database never drops it under a query: FerretDB's SQLite backend
 * crashed with SIGBUS on that). Whatever is left stays pending for the effect relay.
 */
export async function settleMarkings(store: Store, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const timeout = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)).unref());
  for (;;) {
    const pending = [...(carryOuts.get(store) ?? [])];
    if (pending.length > 0) await Promise.race([Promise.allSettled(pending), timeout(deadline - Date.now())]);
    const q = queues.get(store);
    if (q && (q.running > 0 || q.waiting.length > 0)) await Promise.race([new Promise<void>((resolve) => q.idle.push(resolve)), timeout(deadline - Date.now())]);
    const busy = (carryOuts.get(store)?.size ?? 0) > 0 || (q !== undefined && (q.running > 0 || q.waiting.length > 0));
    if (!busy || Date.now() >= deadline) return;
  }
}

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
  if (!q) queues.set(store, (q = { waiting: [], running: 0 }));
  if (q.waiting.length >= MAX_WAITING) return;
  q.waiting.push(job);
  drain(q);
}

function drain(q: Queue): void {
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

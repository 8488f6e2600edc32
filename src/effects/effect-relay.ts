import { findEffectHosts, type EffectHostCollection } from '../store/effects';
import { carryOutEffects, type EffectDeps } from './carry-out';

export interface EffectRelayOptions {
  /** How often to look for effects left pending (ms). */
  pollMs?: number;
  /** Effects younger than this are left to their writer's fast path (ms). */
  graceMs?: number;
  /** Documents read per poll (a full page polls again at once). */
  batch?: number;
  /** Documents carried out at once. */
  concurrency?: number;
  onError?: (err: unknown) => void;
}

/** A running relay; `stop()` waits for the pass in flight. */
export interface EffectRelay {
  stop(): Promise<void>;
  /** One pass now (tests): how many documents it cleared or tried to. */
  runOnce(): Promise<number>;
}

const HOSTS: readonly EffectHostCollection[] = ['comments', 'authors'];

/**
 * The effect relay: finds documents whose side effects (events, webhook
 * deliveries) were written with their fact but not carried out — the writer
 * crashed, or the store went away right after the write — and carries them
 * out: each event stored and published once, each delivery queued once, then
 * marked done in the document. It is idempotent, so several instances may run
 * it at once, and a pass interrupted half-way is simply run again.
 * @example
 * const relay = startEffectRelay({ store, events }, { pollMs: 5000 });
 * await relay.stop();
 */
export function startEffectRelay(deps: EffectDeps, opts: EffectRelayOptions = {}): EffectRelay {
  const pollMs = opts.pollMs ?? 5000;
  const graceMs = opts.graceMs ?? 5000;
  const batch = opts.batch ?? 100;
  const concurrency = opts.concurrency ?? 8;
  let stopped = false;
  let inFlight: Promise<number> | undefined;

  const runCollection = async (collection: EffectHostCollection, halted: () => boolean): Promise<number> => {
    const hosts = await findEffectHosts(deps.store, collection, new Date(Date.now() - graceMs), batch);
    const queue = [...hosts];
    const worker = async () => {
      for (let host = queue.shift(); host && !halted(); host = queue.shift()) {
        await carryOutEffects(deps, { collection, id: host._id, revision: host.revision }, host.effects ?? [], 'store-first').catch((err: unknown) => opts.onError?.(err));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    return hosts.length;
  };

  const runPass = async (halted: () => boolean): Promise<number> => {
    let seen = 0;
    for (const collection of HOSTS) seen += await runCollection(collection, halted);
    return seen;
  };

  const loop = async () => {
    if (stopped) return;
    inFlight = runPass(() => stopped).catch((err: unknown) => {
      opts.onError?.(err);
      return 0;
    });
    const seen = await inFlight;
    inFlight = undefined;
    // a full page means more is waiting (after an outage): go on soon, not after a whole period
    if (!stopped) timer = setTimeout(loop, seen >= batch ? Math.min(pollMs, 100) : pollMs);
  };
  let timer: NodeJS.Timeout | undefined = setTimeout(loop, 0);

  return {
    runOnce: () => runPass(() => false),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}

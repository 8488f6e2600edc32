import { SEQ_PER_MS, type EventLog } from './event-log';

export interface EventPollerOptions {
  /** How often to read `events` (ms). */
  intervalMs?: number;
  /**
   * How far behind the newest seen event each poll starts (ms), to catch
   * events another instance stored late or with a slightly slower clock.
   */
  overlapMs?: number;
  /** Most events read per poll. */
  batch?: number;
  onError?: (err: unknown) => void;
}

/** A running poller; `stop()` waits for the poll in flight. */
export interface EventPoller {
  stop(): Promise<void>;
  /** Polls once now (tests, and the first poll at start). */
  pollOnce(): Promise<number>;
}

/**
 * Picks up other instances' events from `events` (no change streams on
 * FerretDB): every `intervalMs` it reads `{seq > newest - overlap,
 * instanceId != me}` and hands unseen ones to the log's listeners. Ids seen
 * inside the overlap window are remembered, so nothing is delivered twice.
 * It starts at "now": history is the business of `since=` replay.
 */
export function startEventPoller(log: EventLog, opts: EventPollerOptions = {}): EventPoller {
  const intervalMs = opts.intervalMs ?? 150;
  const overlap = (opts.overlapMs ?? 2000) * SEQ_PER_MS;
  const batch = opts.batch ?? 500;
  const seen = new Map<string, number>();
  let newest = Date.now() * SEQ_PER_MS;
  let inFlight: Promise<number> | undefined;
  let stopped = false;

  const pollOnce = async (): Promise<number> => {
    const from = newest - overlap;
    const events = await log.readSince(from, { limit: batch, excludeInstance: log.instanceId });
    let delivered = 0;
    for (const event of events) {
      if (seen.has(event.id)) continue;
      seen.set(event.id, event.seq);
      newest = Math.max(newest, event.seq);
      log.deliverRemote(event);
      delivered += 1;
    }
    // a full batch means more are waiting: move the window to the batch's end
    const last = events[events.length - 1];
    if (events.length === batch && last) newest = Math.max(newest, last.seq + overlap);
    for (const [id, seq] of seen) if (seq <= newest - overlap) seen.delete(id);
    return delivered;
  };

  const tick = async () => {
    if (stopped) return;
    inFlight = pollOnce().catch((err: unknown) => {
      opts.onError?.(err);
      return 0;
    });
    await inFlight;
    inFlight = undefined;
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  let timer: NodeJS.Timeout | undefined = setTimeout(tick, 0);

  return {
    pollOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}

import type { EventLog } from './event-log';
import { pruneStreamRelayDocs, readStreamRelayDocs, type StreamRelayDoc } from '../store/stream-relay-docs';

export interface EventPollerOptions {
  /** How often to read the other instances' stream-relay documents (ms). */
  intervalMs?: number;
  /** Most events read from `events` when catching up after falling behind a relay document. */
  batch?: number;
  /** Relay documents not rewritten for this long belong to dead instances and are deleted (ms). */
  staleMs?: number;
  onError?: (err: unknown) => void;
}

/** A running poller; `stop()` waits for the poll in flight. */
export interface EventPoller {
  stop(): Promise<void>;
  /** Polls once now (tests). */
  pollOnce(): Promise<number>;
}

interface Cursor {
  n: number;
  seq: number;
}

/**
 * Picks up other instances' events without change streams: every
 * `intervalMs` it reads the stream-relay documents (one small document per
 * instance) and hands each event numbered past its cursor to the log's
 * listeners — in order, once. If it fell further behind than a relay document
 * holds, it reads the gap from `events`. Relay documents that exist at start are
 * joined at their head: history is the business of `since=` replay.
 */
export function startEventPoller(log: EventLog, opts: EventPollerOptions = {}): EventPoller {
  const conn = log.streamRelay.connection;
  const cursors = new Map<string, Cursor>();
  const staleMs = opts.staleMs ?? 10 * 60_000;
  let polls = 0;
  let inFlight: Promise<number> | undefined;
  let stopped = false;

  const catchUp = async (doc: StreamRelayDoc, cursor: Cursor, before: number) => {
    const missed = await log.readSince(cursor.seq, { instanceId: doc.instanceId, limit: opts.batch ?? 1000 });
    let delivered = 0;
    for (const event of missed) {
      if (event.seq >= before) break;
      log.deliverRemote(event);
      delivered += 1;
    }
    return delivered;
  };

  const pollOnce = async (): Promise<number> => {
    const docs = await readStreamRelayDocs(conn, log.streamRelay.key);
    let delivered = 0;
    for (const doc of docs) {
      if (doc.at.getTime() < Date.now() - staleMs) continue;
      let cursor = cursors.get(doc._id);
      if (!cursor) {
        // a relay document present at our first poll is joined at its head; one that appears later is new: take it all
        const newest = doc.events[doc.events.length - 1];
        cursor = polls === 0 ? { n: doc.head, seq: newest?.event.seq ?? 0 } : { n: 0, seq: 0 };
        cursors.set(doc._id, cursor);
      }
      const fresh = doc.events.filter((e) => e.n > cursor.n);
      const first = fresh[0];
      if (first && first.n > cursor.n + 1 && cursor.n > 0) delivered += await catchUp(doc, cursor, first.event.seq);
      for (const { n, event } of fresh) {
        log.deliverRemote(event);
        cursor.n = n;
        cursor.seq = event.seq;
        delivered += 1;
      }
    }
    for (const key of cursors.keys()) if (!docs.some((d) => d._id === key)) cursors.delete(key);
    if (polls++ % 500 === 0) await pruneStreamRelayDocs(conn, new Date(Date.now() - staleMs));
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
    if (!stopped) timer = setTimeout(tick, opts.intervalMs ?? 50);
  };
  let timer: NodeJS.Timeout | undefined = setTimeout(tick, 0);

  return {
    pollOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}

import { randomBytes } from 'node:crypto';
import { isDuplicateKey } from '../store/errors';
import { createEventInserter, readEventsSince, type StoredEvent } from '../store/event-docs';
import type { Models } from '../store/models';
import { StreamRelay, type StreamRelayOptions } from './stream-relay';
import type { EffectEvent, EventListener, EventOrigin, EventPayloads, EventPublisher, EventType, PublishOrder, SaringEvent } from './types';

/** One `seq` unit is a microsecond-ish slot: milliseconds × 1000 plus a per-instance counter. */
export const SEQ_PER_MS = 1000;

/**
 * Stores every event in `events` and hands it to this instance's listeners
 * at once. `seq` is the publishing instance's clock in milliseconds × 1000
 * plus a counter, so it increases strictly within an instance and orders
 * events across instances as well as their clocks agree; `_id` (seq in
 * base 36 + instance id, or the effect's own id, see publishOnce) is unique.
 * Events of other instances arrive through {@link EventLog.deliverRemote},
 * fed by the poller.
 */
export class EventLog implements EventPublisher {
  readonly instanceId: string;
  private readonly listeners = new Set<EventListener>();
  private readonly now: () => Date;
  private lastSeq = 0;

  constructor(
    private readonly models: Models,
    opts: { instanceId?: string; now?: () => Date; onError?: (err: unknown) => void; streamRelay?: StreamRelayOptions } = {},
  ) {
    this.instanceId = opts.instanceId ?? randomBytes(4).toString('hex');
    this.now = opts.now ?? (() => new Date());
    this.onError = opts.onError ?? (() => undefined);
    // one relay document per process start, so a restarted instance with a fixed id never reuses numbers
    const key = `${this.instanceId}.${randomBytes(3).toString('hex')}`;
    this.streamRelay = new StreamRelay(models.Event.db, key, this.instanceId, { onError: this.onError, beforeWrite: () => this.stored(), ...opts.streamRelay });
    this.insert = createEventInserter(models);
  }

  /** Events of this instance whose insert is still under way. */
  private readonly writes = new Set<Promise<unknown>>();

  /** Resolves once every event published before the call is stored (or failed and was reported). */
  async stored(): Promise<void> {
    await Promise.allSettled([...this.writes]);
  }

  /** Group commit: under load many events share one insertMany. */
  private readonly insert: (doc: StoredEvent) => Promise<void>;

  /** This instance's recent events, for other instances' pollers (the cross-instance stream relay). */
  readonly streamRelay: StreamRelay;

  private readonly onError: (err: unknown) => void;

  /** The next sequence number: strictly increasing within this instance. */
  nextSeq(at: Date): number {
    this.lastSeq = Math.max(this.lastSeq + 1, at.getTime() * SEQ_PER_MS);
    return this.lastSeq;
  }

  /** Pushes the event to local listeners first (latency), then stores it for other instances and replays. */
  async publish<T extends EventType>(type: T, data: EventPayloads[T], siteId?: string): Promise<SaringEvent<T>> {
    const { event, doc } = this.build({ type, data, siteId });
    this.announce(event);
    // stored in the background (group commit): callers, intake among them, do not wait for it;
    // the stream relay and replays wait for it instead (see stored())
    this.track(this.insert(doc)).catch((err: unknown) => this.onError(err));
    return event as SaringEvent<T>;
  }

  /**
   * Publishes an effect's event under the effect's id, at most once in `events`
   * (its `_id`), so a relay that runs twice, or two relays at once, store one copy.
   * `live-first` pushes it to the sockets before storing it (the writer's fast path);
   * `store-first` pushes it only when this call stored it. True when this call stored it.
   */
  async publishOnce(effect: EffectEvent, order: PublishOrder): Promise<boolean> {
    const { event, doc } = this.build(effect);
    if (order === 'live-first') this.announce(event);
    try {
      await this.track(this.insert(doc));
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
    if (order === 'store-first') this.announce(event);
    return true;
  }

  /** Calls `listener` for every event, local ones at once and remote ones when the poller finds them. */
  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes pending relay events and removes the relay document (shutdown). */
  async close(): Promise<void> {
    await this.stored();
    await this.streamRelay.close();
  }

  /** Feeds an event that another instance stored (from the poller). */
  deliverRemote(event: SaringEvent): void {
    this.emit(event, 'remote');
  }

  /**
   * Stored events with `seq > since`, oldest first, at most `limit`
   * (for `since=` replay, and for a poller that fell behind a relay document).
   * With `siteIds`, only those sites' events and events of no site: the filter and
   * the limit apply in the store, so a small site's replay is not crowded out by
   * a big one's events. On FerretDB this scans `events`; on MongoDB it uses the
   * `seq` and `siteId, seq` indexes.
   */
  async readSince(since: number, opts: { limit?: number; instanceId?: string; siteIds?: readonly string[] } = {}): Promise<SaringEvent[]> {
    await this.stored();
    const docs = await readEventsSince(this.models, since, { ...opts, limit: opts.limit ?? 1000 });
    return docs.map(toEvent);
  }

  private build(e: { id?: string; type: EventType; data: unknown; siteId?: string }): { event: SaringEvent; doc: StoredEvent } {
    const at = this.now();
    const seq = this.nextSeq(at);
    const id = e.id ?? `${seq.toString(36)}-${this.instanceId}`;
    const event = { id, type: e.type, seq, at: at.toISOString(), ...(e.siteId ? { siteId: e.siteId } : {}), data: e.data } as SaringEvent;
    return { event, doc: { _id: id, seq, type: e.type, at, siteId: e.siteId, instanceId: this.instanceId, data: e.data } };
  }

  /** To this instance's listeners, and to the other instances through the stream relay. */
  private announce(event: SaringEvent): void {
    this.emit(event, 'local');
    this.streamRelay.append(event);
  }

  private track<T>(write: Promise<T>): Promise<T> {
    this.writes.add(write);
    void write.catch(() => undefined).finally(() => this.writes.delete(write));
    return write;
  }

  private emit(event: SaringEvent, origin: EventOrigin): void {
    for (const listener of this.listeners) {
      try {
        listener(event, origin);
      } catch (err) {
        // one failing listener must not stop delivery to the others, nor the publisher
        this.onError(err);
      }
    }
  }
}

/** A stored event document as the event clients receive. */
export function toEvent(doc: Record<string, unknown>): SaringEvent {
  const at = doc.at instanceof Date ? doc.at.toISOString() : String(doc.at);
  return {
    id: String(doc._id),
    type: doc.type as EventType,
    seq: Number(doc.seq),
    at,
    ...(typeof doc.siteId === 'string' ? { siteId: doc.siteId } : {}),
    data: doc.data ?? {},
  } as SaringEvent;
}

import { randomBytes } from 'node:crypto';
import type { Collection, Document } from 'mongodb';
import { BatchInserter } from '../store/batch-insert';
import type { Models } from '../store/models';
import { Outbox, type OutboxOptions } from './outbox';
import type { EventListener, EventOrigin, EventPublisher, EventType, SaringEvent } from './types';

/** One `seq` unit is a microsecond-ish slot: milliseconds × 1000 plus a per-instance counter. */
export const SEQ_PER_MS = 1000;

/**
 * Stores every event in `events` and hands it to this instance's listeners
 * at once. `seq` is the publishing instance's clock in milliseconds × 1000
 * plus a counter, so it increases strictly within an instance and orders
 * events across instances as well as their clocks agree; `_id` (seq in
 * base 36 + instance id) is unique. Events of other instances arrive through
 * {@link EventLog.deliverRemote}, fed by the poller.
 */
export class EventLog implements EventPublisher {
  readonly instanceId: string;
  private readonly listeners = new Set<EventListener>();
  private readonly now: () => Date;
  private lastSeq = 0;

  constructor(
    private readonly models: Models,
    opts: { instanceId?: string; now?: () => Date; onError?: (err: unknown) => void; outbox?: OutboxOptions } = {},
  ) {
    this.instanceId = opts.instanceId ?? randomBytes(4).toString('hex');
    this.now = opts.now ?? (() => new Date());
    this.onError = opts.onError ?? (() => undefined);
    // one outbox per process start, so a restarted instance with a fixed id never reuses numbers
    const key = `${this.instanceId}.${randomBytes(3).toString('hex')}`;
    this.outbox = new Outbox(models.Event.db, key, this.instanceId, { onError: this.onError, beforeWrite: () => this.stored(), ...opts.outbox });
  }

  /** Events of this instance whose insert is still under way. */
  private readonly writes = new Set<Promise<void>>();

  /** Resolves once every event published before the call is stored (or failed and was reported). */
  async stored(): Promise<void> {
    await Promise.all([...this.writes]);
  }

  /** Group commit: under load many events share one insertMany. */
  private readonly inserter = new BatchInserter(() => this.models.Event.collection as unknown as Collection<Document>);

  /** This instance's recent events, for other instances' pollers. */
  readonly outbox: Outbox;

  private readonly onError: (err: unknown) => void;

  /** The next sequence number: strictly increasing within this instance. */
  nextSeq(at: Date): number {
    this.lastSeq = Math.max(this.lastSeq + 1, at.getTime() * SEQ_PER_MS);
    return this.lastSeq;
  }

  /** Pushes the event to local listeners first (latency), then stores it for other instances and replays. */
  async publish(type: EventType, data: Record<string, unknown>, siteId?: string): Promise<SaringEvent> {
    const at = this.now();
    const seq = this.nextSeq(at);
    const event: SaringEvent = { id: `${seq.toString(36)}-${this.instanceId}`, type, seq, at: at.toISOString(), ...(siteId ? { siteId } : {}), data };
    this.emit(event, 'local');
    this.outbox.append(event);
    // stored in the background (group commit): callers, intake among them, do not wait for it;
    // the outbox and replays wait for it instead (see stored())
    const write = this.inserter.insert({ _id: event.id, seq, type, at, siteId, instanceId: this.instanceId, data }).catch((err: unknown) => this.onError(err));
    this.writes.add(write);
    void write.finally(() => this.writes.delete(write));
    return event;
  }

  /** Calls `listener` for every event, local ones at once and remote ones when the poller finds them. */
  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes pending outbox events and removes the outbox (shutdown). */
  async close(): Promise<void> {
    await this.stored();
    await this.outbox.close();
  }

  /** Feeds an event that another instance stored (from the poller). */
  deliverRemote(event: SaringEvent): void {
    this.emit(event, 'remote');
  }

  /**
   * Stored events with `seq > since`, oldest first, at most `limit`
   * (for `since=` replay, and for a poller that fell behind an outbox).
   * With `siteIds`, only those sites' events and events of no site: the filter and
   * the limit apply in the store, so a small site's replay is not crowded out by
   * a big one's events. On FerretDB this scans `events`; on MongoDB it uses the
   * `seq` and `siteId, seq` indexes.
   */
  async readSince(since: number, opts: { limit?: number; instanceId?: string; siteIds?: readonly string[] } = {}): Promise<SaringEvent[]> {
    await this.stored();
    const filter: Record<string, unknown> = { seq: { $gt: since } };
    if (opts.instanceId) filter.instanceId = opts.instanceId;
    // null: events of no site (rules.reloaded…), stored without siteId or with null
    if (opts.siteIds) filter.siteId = { $in: [...opts.siteIds, null] };
    const docs = await this.models.Event.collection
      .find(filter as never)
      .sort({ seq: 1 })
      .limit(opts.limit ?? 1000)
      .toArray();
    return docs.map(toEvent);
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
    data: (doc.data ?? {}) as Record<string, unknown>,
  };
}

import type { CommentView } from '../comments/serialize';
import type { Standing } from '../standing/standing';
import type { OrderView } from '../takedown/order-view';

/** Every event type of the live stream (DESIGN.md, Live stream). */
export const eventTypes = [
  'comment.created',
  'comment.edited',
  'comment.decided',
  'comment.reported',
  'comment.overdue',
  'author.banned',
  'takedown.received',
  'takedown.overdue',
  'takedown.completed',
  'rules.reloaded',
  'rules.rejected',
] as const;
export type EventType = (typeof eventTypes)[number];

/** A take-down event carries the order, with only the comments of the event's site. */
export type TakedownEventPayload = OrderView & Record<string, unknown>;

/**
 * What each event type carries in `data`. A publisher that sends the wrong
 * shape for a type fails to compile; a listener narrows on `type`.
 */
export interface EventPayloads {
  'comment.created': CommentView;
  'comment.edited': CommentView & { previousStatus: CommentView['status']; previousRevision: number };
  'comment.decided': CommentView & { previousStatus: CommentView['status']; decidedBy: string; decidedByName?: string };
  'comment.reported': CommentView & { previousStatus: CommentView['status']; withdrawn: boolean; report: { reporterId: string; reason: string; note?: string; at: Date } };
  'comment.overdue': CommentView & { reported: boolean; urgent: boolean; overdueMs: number };
  'author.banned': { siteId: string; authorId: string; until: string | null; reason: string | null; lifted: boolean; by: string; standing: Standing };
  'takedown.received': TakedownEventPayload;
  'takedown.overdue': TakedownEventPayload;
  'takedown.completed': TakedownEventPayload;
  'rules.reloaded': { version: string };
  'rules.rejected': { issues: unknown[] };
}

/** Fields common to every event. */
interface EventEnvelope<T extends EventType> {
  id: string;
  type: T;
  seq: number;
  at: string;
  siteId?: string;
  data: EventPayloads[T];
}

/**
 * What a stream client receives: `{ id, type, seq, at, siteId?, data }`.
 * `seq` orders events (see EventLog); `id` is unique, so a client can
 * de-duplicate the few events replayed twice around a resume point (or
 * published twice by the effect relay: an effect's event keeps its id).
 * Without a type argument it is the union of every type, narrowed by `type`.
 */
export type SaringEvent<T extends EventType = EventType> = { [K in T]: EventEnvelope<K> }[T];

/** An event with a fixed `_id`, published once however often it is offered (see EventLog.publishOnce). */
export interface EffectEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  data: EventPayloads[T];
  siteId?: string;
}

/**
 * How an effect's event is published: `live-first` pushes it to this instance's sockets at
 * once and then stores it (the instance that just wrote the fact: latency); `store-first`
 * stores it and pushes it only when this call stored it (a relay, or a retry, that must not
 * send a second copy of an event someone else already published).
 */
export type PublishOrder = 'live-first' | 'store-first';

/** Publishes an event: stores it in `events` and pushes it to this instance's sockets at once. */
export interface EventPublisher {
  publish<T extends EventType>(type: T, data: EventPayloads[T], siteId?: string): Promise<SaringEvent<T>>;
  /**
   * Publishes an event under its own `_id`, at most once: resolves `true` when this call
   * stored it, `false` when it was already stored; rejects when the store failed (the
   * caller keeps the effect pending).
   */
  publishOnce(event: EffectEvent, order: PublishOrder): Promise<boolean>;
}

/** Where events come from: this instance (`local`) or another one, found by the poller (`remote`). */
export type EventOrigin = 'local' | 'remote';

/** Receives every event an instance learns about. */
export type EventListener = (event: SaringEvent, origin: EventOrigin) => void;

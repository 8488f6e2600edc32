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

/**
 * What a stream client receives: `{ id, type, seq, at, siteId?, data }`.
 * `seq` orders events (see EventLog); `id` is unique, so a client can
 * de-duplicate the few events replayed twice around a resume point.
 */
export interface SaringEvent {
  id: string;
  type: EventType;
  seq: number;
  at: string;
  siteId?: string;
  data: Record<string, unknown>;
}

/** Publishes an event: stores it in `events` and pushes it to this instance's sockets at once. */
export interface EventPublisher {
  publish(type: EventType, data: Record<string, unknown>, siteId?: string): Promise<SaringEvent>;
}

/** Where events come from: this instance (`local`) or another one, found by the poller (`remote`). */
export type EventOrigin = 'local' | 'remote';

/** Receives every event an instance learns about. */
export type EventListener = (event: SaringEvent, origin: EventOrigin) => void;

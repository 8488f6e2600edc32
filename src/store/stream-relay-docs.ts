import type { Connection } from 'mongoose';
import type { SaringEvent } from '../events/types';

/** One instance's recent events, as other instances' pollers read them (src/events/stream-relay.ts). */
export interface StreamRelayDoc {
  _id: string;
  instanceId: string;
  /** Number of the newest event in `events` (1, 2, 3… per relay document). */
  head: number;
  at: Date;
  events: { n: number; event: SaringEvent }[];
}

/**
 * The collection of stream-relay documents (`stream_relay`, one small document per
 * running instance). Not to be confused with the effects of a comment (src/effects/):
 * this only carries the live stream across instances, and losing it loses nothing
 * (the events are in `events`).
 */
function relayDocs(conn: Connection) {
  return conn.collection<StreamRelayDoc>('stream_relay');
}

/** Writes this instance's document (it is the only writer: the non-atomic upsert is safe). */
export async function writeStreamRelayDoc(conn: Connection, key: string, doc: Omit<StreamRelayDoc, '_id'>): Promise<void> {
  await relayDocs(conn).replaceOne({ _id: key }, doc, { upsert: true });
}

/** Removes this instance's document (clean shutdown). */
export async function deleteStreamRelayDoc(conn: Connection, key: string): Promise<void> {
  await relayDocs(conn).deleteOne({ _id: key });
}

/** Every instance's document but `exceptKey` (a handful: one per running instance). */
export function readStreamRelayDocs(conn: Connection, exceptKey?: string): Promise<StreamRelayDoc[]> {
  return relayDocs(conn)
    .find(exceptKey ? { _id: { $ne: exceptKey } } : {})
    .toArray();
}

/** Deletes the documents of instances that stopped writing before `olderThan` (they died). */
export async function pruneStreamRelayDocs(conn: Connection, olderThan: Date): Promise<void> {
  await relayDocs(conn).deleteMany({ at: { $lt: olderThan } });
}

/** Replaces the events of one document (erasure redacts them in place). */
export async function setStreamRelayEvents(conn: Connection, key: string, events: StreamRelayDoc['events']): Promise<void> {
  await relayDocs(conn).updateOne({ _id: key }, { $set: { events } });
}

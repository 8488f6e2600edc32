import type { Collection, Document } from 'mongodb';
import { BatchInserter } from './batch-insert';
import type { Models } from './models';

/** An event as stored in `events`. */
export interface StoredEvent {
  _id: string;
  seq: number;
  type: string;
  at: Date;
  siteId?: string;
  instanceId: string;
  data: unknown;
}

/**
 * Group commit for `events` (see BatchInserter): under load many events share one
 * insertMany; a duplicate `_id` rejects only its own caller, with code 11000.
 */
export function createEventInserter(models: Models): (doc: StoredEvent) => Promise<void> {
  const inserter = new BatchInserter(() => models.Event.collection as unknown as Collection<Document>);
  return (doc) => inserter.insert(doc as unknown as Document);
}

/**
 * Stored events with `seq > since`, oldest first, at most `limit`; with `siteIds`, only
 * those sites' events and events of no site (the filter and the limit apply in the store).
 */
export async function readEventsSince(models: Models, since: number, opts: { limit: number; instanceId?: string; siteIds?: readonly string[] }): Promise<Record<string, unknown>[]> {
  const filter: Record<string, unknown> = { seq: { $gt: since } };
  if (opts.instanceId) filter.instanceId = opts.instanceId;
  // null: events of no site (rules.reloaded…), stored without siteId or with null
  if (opts.siteIds) filter.siteId = { $in: [...opts.siteIds, null] };
  return models.Event.collection
    .find(filter as never)
    .sort({ seq: 1 })
    .limit(opts.limit)
    .toArray() as unknown as Promise<Record<string, unknown>[]>;
}

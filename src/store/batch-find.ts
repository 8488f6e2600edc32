import type { Collection, Document } from 'mongodb';
import { MicroBatcher } from './micro-batch';

/**
 * Batched reads by `_id`: while one `find({_id: {$in}})` is in flight, new
 * lookups wait and go together in the next one. A lone lookup is sent at
 * once. On the embedded store every request costs a round trip through
 * FerretDB and SQLite, so under load many intake lookups share one.
 */
export class BatchFinder {
  private readonly batcher: MicroBatcher<string, Document | null>;

  constructor(collection: () => Collection<Document>, maxBatch = 200) {
    this.batcher = new MicroBatcher<string, Document | null>(async (ids) => {
      const unique = [...new Set(ids)];
      const filter = unique.length === 1 ? { _id: unique[0] } : { _id: { $in: unique } };
      const docs = await collection().find(filter as Document).toArray();
      const byId = new Map(docs.map((d) => [String(d._id), d]));
      return ids.map((id) => ({ ok: true, value: byId.get(id) ?? null }));
    }, maxBatch);
  }

  /** The document with this `_id`, or null. */
  findById(id: string): Promise<Document | null> {
    return this.batcher.submit(id);
  }
}

import type { Collection, Document } from 'mongodb';

interface Waiting {
  id: string;
  resolve: (doc: Document | null) => void;
  reject: (err: unknown) => void;
}

/**
 * Batched reads by `_id`: while one `find({_id: {$in}})` is in flight, new
 * lookups wait and go together in the next one. A lone lookup is sent at
 * once. On the embedded store every request costs a round trip through
 * FerretDB and SQLite, so under load many intake lookups share one.
 */
export class BatchFinder {
  private queue: Waiting[] = [];
  private inFlight = false;

  constructor(
    private readonly collection: () => Collection<Document>,
    private readonly maxBatch = 200,
  ) {}

  /** The document with this `_id`, or null. */
  findById(id: string): Promise<Document | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id, resolve, reject });
      if (!this.inFlight) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.inFlight = true;
    while (this.queue.length) await this.read(this.queue.splice(0, this.maxBatch));
    this.inFlight = false;
  }

  private async read(batch: Waiting[]): Promise<void> {
    try {
      const ids = [...new Set(batch.map((w) => w.id))];
      const filter = ids.length === 1 ? { _id: ids[0] } : { _id: { $in: ids } };
      const docs = await this.collection().find(filter as Document).toArray();
      const byId = new Map(docs.map((d) => [String(d._id), d]));
      for (const w of batch) w.resolve(byId.get(w.id) ?? null);
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
}

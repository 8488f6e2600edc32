import type { Collection, Document } from 'mongodb';
import { MicroBatcher, type Outcome } from './micro-batch';

/** A duplicate-key (or other per-document) failure of one document in a batch. */
export class DocumentWriteError extends Error {
  constructor(
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentWriteError';
  }
}

/**
 * Group commit for inserts. While one `insertMany` is in flight, new
 * documents wait and go together in the next one, so under load many
 * requests share one round trip (and one SQLite transaction on the embedded
 * store: an insertMany there is ~20× the throughput of single inserts), while
 * a lone insert is sent at once and waits for nothing. Each caller still gets
 * its own outcome: a duplicate `_id` rejects only that caller, with code 11000.
 */
export class BatchInserter {
  private readonly batcher: MicroBatcher<Document, void>;

  constructor(collection: () => Collection<Document>, maxBatch = 100) {
    this.batcher = new MicroBatcher((docs) => insertAll(collection(), docs), maxBatch);
  }

  /** Inserts one document; resolves once it is acknowledged by the store. */
  insert(doc: Document): Promise<void> {
    return this.batcher.submit(doc);
  }
}

/** One unordered insertMany; per-document failures become per-document outcomes, anything else throws. */
async function insertAll(collection: Collection<Document>, docs: Document[]): Promise<Outcome<void>[]> {
  try {
    await collection.insertMany(docs, { ordered: false });
    return docs.map(() => ({ ok: true, value: undefined }));
  } catch (err) {
    const writeErrors = (err as { writeErrors?: { index: number; code?: number; errmsg?: string }[] }).writeErrors;
    if (!Array.isArray(writeErrors) || writeErrors.length === 0) throw err;
    const failed = new Map(writeErrors.map((w) => [w.index, w]));
    return docs.map((_, i) => {
      const w = failed.get(i);
      return w ? { ok: false, error: new DocumentWriteError(w.code, w.errmsg ?? `insert failed with code ${w.code}`) } : { ok: true, value: undefined };
    });
  }
}

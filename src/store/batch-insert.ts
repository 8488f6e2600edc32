import type { Collection, Document } from 'mongodb';

interface Pending {
  doc: Document;
  resolve: () => void;
  reject: (err: unknown) => void;
}

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
  private queue: Pending[] = [];
  private inFlight = false;

  constructor(
    private readonly collection: () => Collection<Document>,
    private readonly maxBatch = 100,
  ) {}

  /** Inserts one document; resolves once it is acknowledged by the store. */
  insert(doc: Document): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ doc, resolve, reject });
      if (!this.inFlight) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.inFlight = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      await this.write(batch);
    }
    this.inFlight = false;
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      await this.collection().insertMany(
        batch.map((p) => p.doc),
        { ordered: false },
      );
      for (const p of batch) p.resolve();
    } catch (err) {
      const writeErrors = (err as { writeErrors?: { index: number; code?: number; errmsg?: string }[] }).writeErrors;
      if (!Array.isArray(writeErrors) || writeErrors.length === 0) {
        for (const p of batch) p.reject(err);
        return;
      }
      const failed = new Map(writeErrors.map((w) => [w.index, w]));
      batch.forEach((p, i) => {
        const w = failed.get(i);
        if (w) p.reject(new DocumentWriteError(w.code, w.errmsg ?? `insert failed with code ${w.code}`));
        else p.resolve();
      });
    }
  }
}

/** One item's outcome in a batch. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Waiting<I, T> {
  item: I;
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit, generically: while one batch is in flight, new items wait
 * and go together in the next one; a lone item is sent at once and waits for
 * nothing. `run` answers each item of a batch (same order); if it throws,
 * every item of that batch gets the error.
 */
export class MicroBatcher<I, T> {
  private queue: Waiting<I, T>[] = [];
  private inFlight = false;

  constructor(
    private readonly run: (items: I[]) => Promise<Outcome<T>[]>,
    private readonly maxBatch: number,
  ) {}

  /** Adds an item to the next batch; settles with that item's outcome. */
  submit(item: I): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.inFlight) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.inFlight = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const outcomes = await this.run(batch.map((w) => w.item));
        batch.forEach((w, i) => {
          const o = outcomes[i];
          if (o?.ok) w.resolve(o.value);
          else w.reject(o ? o.error : new Error('no outcome for a batched item'));
        });
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.inFlight = false;
  }
}

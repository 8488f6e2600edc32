import type { CommandIo } from './cli-io';

/** Bytes gathered before one write: one write per line cost `saring check` an eighth of its time. */
const BATCH = 64 * 1024;

/**
 * Output written in batches rather than a line at a time, with the stream's back-pressure
 * respected (a slow reader on a pipe makes `flush` wait instead of growing memory).
 */
export class BatchedOutput {
  private parts: string[] = [];
  private size = 0;

  /** A terminal gets every line at once: someone is watching it. */
  private readonly batch: number;

  constructor(private readonly out: CommandIo['stdout']) {
    this.batch = out.isTTY === true ? 0 : BATCH;
  }

  /**
   * Adds a line without awaiting: true when a batch is full and the caller must `await flush()`
   * before adding more, so a loop over many lines awaits once a batch, not once a line.
   */
  add(text: string): boolean {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= this.batch;
  }

  /** Writes what is gathered. */
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    const ok = this.out.write(chunk);
    const stream = this.out as { once?: (event: 'drain', fn: () => void) => unknown };
    if (ok === false && typeof stream.once === 'function') await new Promise<void>((resolve) => stream.once?.('drain', resolve));
  }
}

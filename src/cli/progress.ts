/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal and at most
 * ten times a second. With a known total (bytes of the input file) it shows a bar;
 * otherwise a running count.
 */
export class ProgressBar {
  private last = 0;
  private readonly started = Date.now();

  constructor(
    private readonly out: { write(chunk: string): unknown; isTTY?: boolean; columns?: number },
    private readonly total: number | null,
  ) {}

  /** True when the bar is drawn at all. */
  get enabled(): boolean {
    return this.out.isTTY === true;
  }

  /** Redraws with `done` units of `total` and `count` items processed. */
  update(done: number, count: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const rate = Math.round(count / Math.max((now - this.started) / 1000, 0.001));
    const tail = ` ${count.toLocaleString('en-US')} comments, ${rate.toLocaleString('en-US')}/s`;
    if (this.total === null || this.total <= 0) {
      this.out.write(`\r${tail.trim()}`);
      return;
    }
    const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - tail.length - 10));
    const ratio = Math.min(1, done / this.total);
    const filled = Math.round(ratio * width);
    this.out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%${tail}`);
  }

  /** Clears the bar line. */
  finish(): void {
    if (this.enabled) this.out.write('\r\x1b[2K');
  }
}

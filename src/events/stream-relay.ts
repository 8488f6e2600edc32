import type { Store } from '../store/connect';
import { deleteStreamRelayDoc, writeStreamRelayDoc } from '../store/stream-relay-docs';
import type { SaringEvent } from './types';

export interface StreamRelayOptions {
  /** Coalesce writes: at most one write per `flushMs`. */
  flushMs?: number;
  /** Keep at most this many recent events in the document. */
  keep?: number;
  /** Rewrite the document at least this often, so pollers see the instance is alive. */
  heartbeatMs?: number;
  /** Drop events older than this from the document (they are in `events` for replay). */
  keepMs?: number;
  onError?: (err: unknown) => void;
  /** Awaited before each write: the relay never announces an event that is not yet in `events`. */
  beforeWrite?: () => Promise<void>;
}

/**
 * The cross-instance relay of the live stream (formerly "the outbox"; not to be
 * confused with the effects of src/effects/, which make side effects durable).
 * Why: FerretDB filters every non-`_id` query in Go over the whole collection (~65 µs a document), so polling `events` by `seq` costs more the
 * longer the retention. Each instance therefore also keeps its last few
 * events in ONE document keyed by its own `_id` (it is the only writer, so
 * the non-atomic upsert is safe); a poller reads the handful of relay
 * documents, whatever the size of `events`.
 */
export class StreamRelay {
  private recent: { n: number; event: SaringEvent }[] = [];
  private n = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private dirty = false;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly flushMs: number;
  /** Most events kept in the document (tunable; tests shrink it to force a catch-up from `events`). */
  keep: number;

  constructor(
    readonly connection: Store['conn'],
    readonly key: string,
    private readonly instanceId: string,
    private readonly opts: StreamRelayOptions = {},
  ) {
    this.flushMs = opts.flushMs ?? 25;
    this.keep = opts.keep ?? 64;
    this.heartbeat = setInterval(() => this.n > 0 && this.schedule(), opts.heartbeatMs ?? 2000);
    this.heartbeat.unref();
  }

  /** Adds an event; it is written within `flushMs`. */
  append(event: SaringEvent): void {
    this.n += 1;
    this.recent.push({ n: this.n, event });
    if (this.recent.length > this.keep) this.recent.splice(0, this.recent.length - this.keep);
    this.schedule();
  }

  /** Writes pending events now (shutdown, tests). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing) {
      this.dirty = true;
      await this.writing;
      return;
    }
    this.writing = this.write().catch((err: unknown) => this.opts.onError?.(err));
    await this.writing;
    this.writing = undefined;
    if (this.dirty) {
      this.dirty = false;
      this.schedule();
    }
  }

  /** Stops the heartbeat and removes the document (clean shutdown). */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    if (this.timer) clearTimeout(this.timer);
    await this.writing;
    await deleteStreamRelayDoc(this.connection, this.key).catch(() => undefined);
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  private async write(): Promise<void> {
    const oldest = Date.now() - (this.opts.keepMs ?? 2000);
    while (this.recent.length && Date.parse(this.recent[0]!.event.at) < oldest) this.recent.shift();
    // what this write announces is fixed first; events appended meanwhile go in the next write
    const head = this.n;
    const events = this.recent.slice();
    await this.opts.beforeWrite?.();
    await writeStreamRelayDoc(this.connection, this.key, { instanceId: this.instanceId, head, at: new Date(), events });
  }
}

import type { Models } from '../store/models';

export interface RetentionOptions {
  retentionHours: number;
  /** How often to sweep (ms); default every 10 minutes. */
  intervalMs?: number;
  now?: () => Date;
  onError?: (err: unknown) => void;
}

/**
 * Deletes events older than the retention window. FerretDB has no TTL
 * indexes, so this is an app-level `deleteMany`; every instance may run it,
 * deleting twice is harmless.
 */
export async function pruneEvents(models: Models, olderThan: Date): Promise<number> {
  const res = await models.Event.deleteMany({ at: { $lt: olderThan } });
  return res.deletedCount ?? 0;
}

/** Runs {@link pruneEvents} now and every `intervalMs`; returns a stop function. */
export function startEventRetention(models: Models, opts: RetentionOptions): () => void {
  const now = opts.now ?? (() => new Date());
  const sweep = () => {
    const cutoff = new Date(now().getTime() - opts.retentionHours * 3_600_000);
    pruneEvents(models, cutoff).catch((err: unknown) => opts.onError?.(err));
  };
  sweep();
  const timer = setInterval(sweep, opts.intervalMs ?? 600_000);
  timer.unref();
  return () => clearInterval(timer);
}

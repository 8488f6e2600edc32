import type { ShowKind, ShowOptions } from './show-errors';

/** Thrown for bad usage; `main` and the commands turn it into exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const SHOW_KINDS: readonly string[] = ['misses', 'false-positives'];

/** Reads a positive whole number option, or the default when it is absent. */
export function readCount(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number of 1 or more, not "${value}"`);
  return n;
}

/** Validates `--show`, `--limit` and `--examples` of `saring check`; null when `--show` is absent. */
export function readShowOptions(opts: { show?: string; labels?: string; limit?: string; examples?: string }): ShowOptions | null {
  if (opts.show === undefined) {
    if (opts.limit !== undefined || opts.examples !== undefined) throw new UsageError('--limit and --examples go with --show');
    return null;
  }
  if (!SHOW_KINDS.includes(opts.show)) throw new UsageError(`--show must be "misses" or "false-positives", not "${opts.show}"`);
  if (opts.labels === undefined) throw new UsageError(`--show ${opts.show} needs --labels FIELD (the field that says which rows are positive)`);
  return { show: opts.show as ShowKind, field: opts.labels, limit: readCount(opts.limit, 'limit', 20), examples: readCount(opts.examples, 'examples', 3) };
}

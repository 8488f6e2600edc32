/**
 * Token buckets: a plain in-memory limiter, used by the HTTP rate limits and by
 * use cases that guard expensive work (rule validation); no transport in here.
 */

/** A token bucket's shape: `burst` requests at once, refilled at `perSecond`. `perSecond <= 0` turns it off. */
export interface BucketLimit {
  perSecond: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * In-memory token buckets keyed by a string. Per instance: N instances behind
 * a load balancer allow up to N times the limit (documented in docs/reliability.md).
 * Refill is computed lazily on `take`, so the hot path is one Map lookup and a
 * little arithmetic. A full bucket is the same as no bucket, so eviction of
 * full ones loses nothing; past `maxKeys` the oldest keys go.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep: number;

  constructor(
    private readonly limit: BucketLimit,
    private readonly opts: { maxKeys?: number; now?: () => number } = {},
  ) {
    this.lastSweep = this.now();
  }

  /** Takes one token: 0 when allowed, else the seconds until one is available. */
  take(key: string): number {
    const { perSecond, burst } = this.limit;
    if (perSecond <= 0) return 0;
    const now = this.now();
    const b = this.buckets.get(key);
    const tokens = b ? Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond) : burst;
    if (tokens >= 1) {
      if (b) {
        b.tokens = tokens - 1;
        b.at = now;
      } else this.buckets.set(key, { tokens: tokens - 1, at: now });
      if (this.buckets.size > (this.opts.maxKeys ?? 100_000) || now - this.lastSweep > 60_000) this.sweep(now);
      return 0;
    }
    return (1 - tokens) / perSecond;
  }

  /** 0 when `key` has a token to take, else the seconds until it has; takes nothing. */
  peek(key: string): number {
    const { perSecond, burst } = this.limit;
    if (perSecond <= 0) return 0;
    const b = this.buckets.get(key);
    const tokens = b ? Math.min(burst, b.tokens + ((this.now() - b.at) / 1000) * perSecond) : burst;
    return tokens >= 1 ? 0 : (1 - tokens) / perSecond;
  }

  /** Number of keys held (tests, metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    const { perSecond, burst } = this.limit;
    for (const [key, b] of this.buckets) if (b.tokens + ((now - b.at) / 1000) * perSecond >= burst) this.buckets.delete(key);
    const max = this.opts.maxKeys ?? 100_000;
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= max * 0.9) break;
      this.buckets.delete(key);
    }
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }
}

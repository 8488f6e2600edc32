import type { Request, RequestHandler } from 'express';
import type { Authenticator } from '../../auth/authenticate';
import { AppError } from '../errors';
import { bearerToken } from './auth';

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

function refuse(seconds: number, what: string): AppError {
  return new AppError('rate_limited', `Too many requests for this ${what}; retry after the Retry-After delay.`, undefined, { 'Retry-After': String(Math.max(1, Math.ceil(seconds))) });
}


/** The client a request comes from: its forwarded address behind a trusted proxy (SARING_TRUST_PROXY), else the socket's. */
export function clientOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? '';
}

/**
 * Limits `/v1/*` requests per authenticated principal (the token's owner).
 * Requests without a known token share a bucket per client address, so token
 * guessing is throttled too. Keyed by the principal, never by the presented
 * token's id part: a forged `sar_<victim>_…` cannot drain a victim's bucket.
 * With `lookups`, a store read that finds no token is charged to its client's
 * lookup bucket, and a client whose bucket is empty is refused before the read
 * (and before any other work), so forged ids cannot drive the store.
 */
export function limitPerPrincipal(auth: Authenticator, buckets: TokenBuckets, lookups?: TokenBuckets): RequestHandler {
  return async (req, res, next) => {
    if (!req.path.startsWith('/v1/')) return next();
    const token = bearerToken(req.headers.authorization);
    const client = clientOf(req);
    const lookup = token !== undefined && lookups !== undefined && auth.needsLookup(token);
    if (lookup) {
      const wait = lookups.peek(`lookup:${client}`);
      if (wait > 0) return next(refuse(wait, 'client (unknown tokens)'));
    }
    // a store outage while authenticating is the route's 503 to give, not ours
    const principal = token ? await auth.authenticate(token).catch(() => undefined) : undefined;
    // only lookups that found nothing are charged: real tokens (many behind one NAT, or a burst after the cache expired) are not
    if (lookup && !principal) lookups.take(`lookup:${client}`);
    // requireRole reuses it: one authentication (one hash) per request
    if (principal) req.principal = principal;
    const wait = buckets.take(principal ? `p:${principal.id}` : `ip:${client}`);
    next(wait > 0 ? refuse(wait, 'token') : undefined);
  };
}

/**
 * Charges one comment to its site and author (`site:author`) after the body was
 * validated, so a malformed body neither costs a token nor adds a key; an author's
 * flood is refused with 429 while other authors and sites go on.
 *
 * @example
 * const input = parseBody(schema, req.body);
 * chargeAuthor(authorBuckets, siteId, input.author.id); // throws 429 past the author's burst
 */
export function chargeAuthor(buckets: TokenBuckets, siteId: string, authorId: string): void {
  const wait = buckets.take(`${siteId}:${authorId}`);
  if (wait > 0) throw refuse(wait, 'author');
}

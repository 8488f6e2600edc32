import type { Request, RequestHandler } from 'express';
import type { Authenticator } from '../../auth/authenticate';
import { AppError } from '../../errors';
import { bearerToken } from './auth';
import type { TokenBuckets } from '../../token-buckets';

function refuse(seconds: number, what: string): AppError {
  return new AppError('rate_limited', `Too many requests for this ${what}; retry after the Retry-After delay.`, undefined, { retryAfterSeconds: seconds });
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

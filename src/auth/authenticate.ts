import type { Models } from '../store/models';
import { BoundedCache } from './bounded-cache';
import { hashesMatch, hashToken, tokenId } from './tokens';
import type { Principal } from './principal';

export interface Authenticator {
  /** The principal for a bearer token, or undefined when it is unknown or revoked. */
  authenticate(token: string): Promise<Principal | undefined>;
  /** True when authenticating `token` would read the store (its id is in neither cache): rate limiters charge it. */
  needsLookup(token: string): boolean;
  /** Forgets cached principals (after a revocation). */
  forget(id?: string): void;
  /** Entries held: known ids and unknown ids (tests, metrics). */
  readonly cacheSizes: { known: number; unknown: number };
}

interface Known {
  principal: Principal | undefined;
  hash: string;
}

/** Compared against when there is no stored hash, so unknown and known ids cost the same hash compare. */
const DUMMY_HASH = hashToken('saring: no such token');

/**
 * Looks tokens up by their id part (one `_id` read) and keeps them for a few
 * seconds, so the hot path does not hit the store on every request. Bounded:
 * known ids in an LRU of `cacheMax`, unknown ids in a separate, small negative
 * cache of `negativeMax` (forged ids cannot grow memory or push out real ones).
 * Known and unknown ids take the same path — cache, store read on a miss, one
 * constant-time compare — so a token id cannot be probed by its timing.
 * The bootstrap admin token from SARING_ADMIN_TOKEN never touches the store.
 */
export function createAuthenticator(opts: { models: Models; adminToken?: string; cacheMs?: number; cacheMax?: number; negativeMax?: number; now?: () => number }): Authenticator {
  const cacheMs = opts.cacheMs ?? 5000;
  const known = new BoundedCache<Known>(opts.cacheMax ?? 10_000, cacheMs, opts.now);
  const unknown = new BoundedCache<true>(opts.negativeMax ?? 10_000, cacheMs, opts.now);
  const adminHash = opts.adminToken ? hashToken(opts.adminToken) : undefined;

  const lookup = async (id: string): Promise<Known> => {
    const cached = known.get(id);
    if (cached) return cached;
    if (unknown.get(id)) return { principal: undefined, hash: DUMMY_HASH };
    const doc = await opts.models.Principal.findById(id).lean();
    const valid = doc && !doc.revokedAt ? doc : undefined;
    if (!valid) {
      unknown.set(id, true);
      return { principal: undefined, hash: DUMMY_HASH };
    }
    const entry: Known = { principal: { id: valid._id, role: valid.role, siteIds: valid.siteIds ?? [], ...(valid.name ? { name: valid.name } : {}) }, hash: valid.tokenHash };
    known.set(id, entry);
    return entry;
  };

  return {
    async authenticate(token) {
      const presented = hashToken(token);
      if (adminHash && hashesMatch(presented, adminHash)) return { id: 'bootstrap-admin', role: 'admin', siteIds: [], name: 'bootstrap admin' };
      const id = tokenId(token);
      if (!id) return undefined;
      const entry = await lookup(id);
      const matches = hashesMatch(presented, entry.hash);
      return entry.principal && matches ? entry.principal : undefined;
    },
    needsLookup(token) {
      const id = tokenId(token);
      if (!id) return false;
      if (adminHash && hashesMatch(hashToken(token), adminHash)) return false;
      return known.get(id) === undefined && unknown.get(id) === undefined;
    },
    forget(id) {
      if (id) {
        known.delete(id);
        unknown.delete(id);
      } else {
        known.clear();
        unknown.clear();
      }
    },
    get cacheSizes() {
      return { known: known.size, unknown: unknown.size };
    },
  };
}

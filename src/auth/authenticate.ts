import type { Models } from '../store/models';
import { hashesMatch, hashToken, tokenId } from './tokens';
import type { Principal } from './principal';

export interface Authenticator {
  /** The principal for a bearer token, or undefined when it is unknown or revoked. */
  authenticate(token: string): Promise<Principal | undefined>;
  /** Forgets cached principals (after a revocation). */
  forget(id?: string): void;
}

interface CacheEntry {
  principal: Principal | undefined;
  hash: string;
  until: number;
}

/**
 * Looks tokens up by their id part (one `_id` read) and keeps them for a few
 * seconds, so the hot path does not hit the store on every request. The
 * bootstrap admin token from SARING_ADMIN_TOKEN never touches the store.
 */
export function createAuthenticator(opts: { models: Models; adminToken?: string; cacheMs?: number; now?: () => number }): Authenticator {
  const cache = new Map<string, CacheEntry>();
  const cacheMs = opts.cacheMs ?? 5000;
  const now = opts.now ?? Date.now;
  const adminHash = opts.adminToken ? hashToken(opts.adminToken) : undefined;

  return {
    async authenticate(token) {
      const presented = hashToken(token);
      if (adminHash && hashesMatch(presented, adminHash)) return { id: 'bootstrap-admin', role: 'admin', siteIds: [], name: 'bootstrap admin' };
      const id = tokenId(token);
      if (!id) return undefined;
      const hit = cache.get(id);
      if (hit && hit.until > now()) return hit.principal && hashesMatch(presented, hit.hash) ? hit.principal : undefined;
      const doc = await opts.models.Principal.findById(id).lean();
      const valid = doc && !doc.revokedAt ? doc : undefined;
      const principal: Principal | undefined = valid
        ? { id: valid._id, role: valid.role, siteIds: valid.siteIds ?? [], ...(valid.name ? { name: valid.name } : {}) }
        : undefined;
      cache.set(id, { principal, hash: valid?.tokenHash ?? '', until: now() + cacheMs });
      return principal && hashesMatch(presented, valid!.tokenHash) ? principal : undefined;
    },
    forget(id) {
      if (id) cache.delete(id);
      else cache.clear();
    },
  };
}

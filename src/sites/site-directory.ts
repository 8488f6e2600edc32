import type { Models, SiteDoc } from '../store/models';

export interface SiteDirectory {
  /** The site, read through a short cache (one `_id` lookup on a miss). */
  get(siteId: string): Promise<SiteDoc | undefined>;
  forget(siteId?: string): void;
}

/** Caches site documents for `ttlMs` so intake does not read `sites` on every comment. */
export function createSiteDirectory(models: Models, ttlMs = 5000, now: () => number = Date.now): SiteDirectory {
  const cache = new Map<string, { site: SiteDoc | undefined; until: number }>();
  return {
    async get(siteId) {
      const hit = cache.get(siteId);
      if (hit && hit.until > now()) return hit.site;
      const site = (await models.Site.findById(siteId).lean()) ?? undefined;
      cache.set(siteId, { site: site as SiteDoc | undefined, until: now() + ttlMs });
      return site as SiteDoc | undefined;
    },
    forget(siteId) {
      if (siteId) cache.delete(siteId);
      else cache.clear();
    },
  };
}

import { canAccessSite, type Principal } from '../auth/principal';
import { AppError } from '../errors';
import type { SiteDirectory } from '../sites/site-directory';
import type { SiteDoc } from '../store/models';

/** The site of an author data request; 404 unless it exists and the principal may act on it. */
export async function requestSite(sites: SiteDirectory, principal: Principal, siteId: string): Promise<SiteDoc> {
  const site = canAccessSite(principal, siteId) ? await sites.get(siteId) : undefined;
  if (!site) throw new AppError('not_found', `No site ${siteId}.`);
  return site;
}

import { AppError } from '../errors';
import { visibleSites, type Principal } from './principal';

/**
 * The sites a read may cover: the principal's own sites (undefined: every
 * site, for an admin), narrowed to `siteId` when given — a 403 when the
 * principal may not read that site.
 */
export function readableSites(principal: Principal, siteId: string | undefined): string[] | undefined {
  const allowed = visibleSites(principal);
  if (!siteId) return allowed;
  if (allowed && !allowed.includes(siteId)) throw new AppError('forbidden', `This token may not read site ${siteId}.`);
  return [siteId];
}

/**
 * Who is calling: a site backend, a moderator, an admin, or a `legal` officer —
 * scoped to sites like a moderator, for ministry take-down orders and author data
 * requests (Permenkominfo 5/2020; UU PDP), without the moderator's decisions.
 */
export type Role = 'site' | 'moderator' | 'admin' | 'legal';

export interface Principal {
  id: string;
  role: Role;
  /** Sites this principal may act on; admins may act on all. */
  siteIds: string[];
  name?: string;
}

/** True when the principal may see or act on `siteId`. */
export function canAccessSite(p: Principal, siteId: string): boolean {
  return p.role === 'admin' || p.siteIds.includes(siteId);
}

/** The site filter for list queries: undefined means every site (admin). */
export function visibleSites(p: Principal): string[] | undefined {
  return p.role === 'admin' ? undefined : p.siteIds;
}

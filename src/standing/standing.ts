import type { AuthorDoc, SiteDoc } from '../store/models';

const DAY = 86_400_000;

/** The `_id` of an author's standing on a site: `site:author` (one `_id` lookup on intake). */
export function authorKey(siteId: string, authorId: string): string {
  return `${siteId}:${authorId}`;
}

/** What a site's policy says about repeat offenders. */
export interface OffenderPolicy {
  offenderRejections: number;
  offenderWindowDays: number;
}

/** The site's repeat-offender policy (default: 3 rejections in 7 days). */
export function offenderPolicyOf(site: Pick<SiteDoc, 'policy'> | undefined): OffenderPolicy {
  return { offenderRejections: site?.policy?.offenderRejections ?? 3, offenderWindowDays: site?.policy?.offenderWindowDays ?? 7 };
}

/** An author's standing on a site, as the API and the page show it. */
export interface Standing {
  siteId: string;
  authorId: string;
  windowDays: number;
  counts: { approved: number; held: number; rejected: number };
  repeatOffender: boolean;
  banned: boolean;
  bannedUntil?: string;
  banReason?: string;
}

/**
 * Summarises a stored standing at `now`: outcomes inside the sliding window
 * by status, whether the author is a repeat offender, and whether a ban is
 * still running (an expired ban is simply over; nothing has to clear it).
 */
export function summarizeStanding(siteId: string, authorId: string, doc: AuthorDoc | null | undefined, policy: OffenderPolicy, now: Date): Standing {
  const since = now.getTime() - policy.offenderWindowDays * DAY;
  const counts = { approved: 0, held: 0, rejected: 0 };
  for (const h of doc?.history ?? []) {
    if (!h.at || new Date(h.at).getTime() < since) continue;
    if (h.status === 'approved') counts.approved += 1;
    else if (h.status === 'pending') counts.held += 1;
    else if (h.status === 'rejected') counts.rejected += 1;
  }
  const until = doc?.bannedUntil ? new Date(doc.bannedUntil) : undefined;
  const banned = !!until && until.getTime() > now.getTime();
  return {
    siteId,
    authorId,
    windowDays: policy.offenderWindowDays,
    counts,
    repeatOffender: counts.rejected >= policy.offenderRejections,
    banned,
    ...(banned && until ? { bannedUntil: until.toISOString(), ...(doc?.banReason ? { banReason: doc.banReason } : {}) } : {}),
  };
}

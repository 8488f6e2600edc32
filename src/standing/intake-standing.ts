import type { Store } from '../store/connect';
import type { AuthorDoc, SiteDoc } from '../store/models';
import type { RecentEntry, RecentTexts } from './recent-texts';
import { earlierCopies, textFingerprint } from './repeat-text';
import { authorKey, offenderPolicyOf, summarizeStanding } from './standing';
import { readStanding } from '../store/hot-path';

/**
 * What intake reads of an author for one comment: the stored standing (the ONE
 * `_id` lookup intake makes for it), this instance's recent texts, and the
 * fingerprint of the new text. Plain data, read before the phases run.
 */
export interface AuthorAtIntake {
  siteId: string;
  authorId: string;
  /** `site:author`, the key of the standing and of the recent texts. */
  key: string;
  /** The stored standing; null for an author never recorded (clean authors are not written on intake). */
  doc: AuthorDoc | null;
  recent: readonly RecentEntry[];
  fingerprint: string;
}

/** Reads {@link AuthorAtIntake}: one `_id` lookup (batched with other comments') and the in-memory recent texts. */
export async function readAuthorAtIntake(
  deps: { store: Pick<Store, 'findByIdBatched'>; recentTexts: Pick<RecentTexts, 'recent'> },
  at: { siteId: string; authorId: string; text: string; now: Date },
): Promise<AuthorAtIntake> {
  const key = authorKey(at.siteId, at.authorId);
  const doc = await readStanding(deps.store, key);
  return { siteId: at.siteId, authorId: at.authorId, key, doc, recent: deps.recentTexts.recent(key, at.now), fingerprint: textFingerprint(at.text) };
}

/**
 * The author's standing as intake's phases see it at `now`: the one interface
 * through which they read it. Each field is absent (or 0) when it changes nothing.
 */
export interface IntakeStanding {
  /** A moderator's ban still running at `now`. */
  ban?: { until: string };
  /** Set when the author reached the site's repeat-offender limit inside its window. */
  offender?: { rejected: number; limit: number; windowDays: number };
  /** Earlier comments of the author with the same text inside the repeat window. */
  earlierCopies: number;
}

/** Summarises {@link AuthorAtIntake} under the site's offender policy at `now`. Pure. */
export function intakeStandingOf(site: Pick<SiteDoc, '_id' | 'policy'>, author: AuthorAtIntake, now: Date): IntakeStanding {
  const policy = offenderPolicyOf(site);
  const standing = summarizeStanding(site._id, author.authorId, author.doc, policy, now);
  return {
    ...(standing.banned && standing.bannedUntil ? { ban: { until: standing.bannedUntil } } : {}),
    ...(standing.repeatOffender ? { offender: { rejected: standing.counts.rejected, limit: policy.offenderRejections, windowDays: policy.offenderWindowDays } } : {}),
    earlierCopies: earlierCopies(author.doc, author.recent, author.fingerprint, now),
  };
}

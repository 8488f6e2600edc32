import type { Reason } from '../moderation/types';
import type { OffenderPolicy, Standing } from './standing';

/** The reason a banned author's comment is rejected with. */
export const BANNED_MESSAGE = 'author banned';

/**
 * What an author's standing does to a new comment: a running ban rejects it
 * ("author banned"); a repeat offender's comment that would be published is
 * held for review with a reason saying why. Undefined: the standing changes nothing.
 */
export function applyStanding(standing: Standing, policy: OffenderPolicy, status: 'approved' | 'pending' | 'rejected'): { status: 'pending' | 'rejected'; reason: Reason } | undefined {
  if (standing.banned) {
    return {
      status: 'rejected',
      reason: { ruleId: 'standing.banned', category: 'standing.banned', legalBasis: `Site policy: banned by a moderator until ${standing.bannedUntil}`, action: 'reject', message: BANNED_MESSAGE, severity: 3, spans: [] },
    };
  }
  if (standing.repeatOffender && status === 'approved') {
    const n = standing.counts.rejected;
    return {
      status: 'pending',
      reason: {
        ruleId: 'standing.repeat-offender',
        category: 'standing.offender',
        legalBasis: 'Site policy on repeat offenders',
        action: 'review',
        message: `repeat offender: ${n} rejected comments in the last ${policy.offenderWindowDays} days (site limit ${policy.offenderRejections})`,
        severity: 2,
        spans: [],
      },
    };
  }
  return undefined;
}

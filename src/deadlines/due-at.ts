import type { SiteDoc } from '../store/models';

const HOUR = 3_600_000;

/** The deadline policy of a site (defaults: 24 h, 4 h for urgent classes). */
export interface DeadlinePolicy {
  dueHours: number;
  urgentDueHours: number;
}

/** The site's deadline policy, with the legal defaults for anything unset. */
export function deadlinePolicyOf(site: Pick<SiteDoc, 'policy'> | undefined): DeadlinePolicy {
  return { dueHours: site?.policy?.dueHours ?? 24, urgentDueHours: site?.policy?.urgentDueHours ?? 4 };
}

/**
 * When a comment that entered a queue at `from` must be decided.
 * @example
 * computeDueAt({ dueHours: 24, urgentDueHours: 4 }, true, new Date('2025-01-01T00:00:00Z')) // 04:00Z
 */
export function computeDueAt(policy: DeadlinePolicy, urgent: boolean, from: Date): Date {
  return new Date(from.getTime() + (urgent ? policy.urgentDueHours : policy.dueHours) * HOUR);
}

/** The earlier of an existing deadline and a new one: a report never extends a deadline. */
export function earlierDue(current: Date | null | undefined, next: Date): Date {
  return current && new Date(current).getTime() <= next.getTime() ? new Date(current) : next;
}

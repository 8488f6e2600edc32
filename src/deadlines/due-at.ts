import type { SiteDoc } from '../store/models';

const HOUR = 3_600_000;

/** The deadline policy of a site (defaults: held 24 h, reported 48 h, urgent classes 4 h). */
export interface DeadlinePolicy {
  /** Held comments nobody reported: a service level, not law. */
  dueHours: number;
  /** Urgent classes: a stricter site policy, not a legal clock. */
  urgentDueHours: number;
  /** A reader's complaint: 2 × 24 h (Dewan Pers, Pedoman Pemberitaan Media Siber, part 3). */
  reportDueHours: number;
}

/** The site's deadline policy, with the defaults for anything unset. */
export function deadlinePolicyOf(site: Pick<SiteDoc, 'policy'> | undefined): DeadlinePolicy {
  return { dueHours: site?.policy?.dueHours ?? 24, urgentDueHours: site?.policy?.urgentDueHours ?? 4, reportDueHours: site?.policy?.reportDueHours ?? 48 };
}

/**
 * When a held comment that entered the queue at `from` must be decided.
 * @example
 * computeDueAt({ dueHours: 24, urgentDueHours: 4, reportDueHours: 48 }, true, new Date('2025-01-01T00:00:00Z')) // 04:00Z
 */
export function computeDueAt(policy: DeadlinePolicy, urgent: boolean, from: Date): Date {
  return new Date(from.getTime() + (urgent ? policy.urgentDueHours : policy.dueHours) * HOUR);
}

/** When a reader's report received at `from` must be answered: 48 h, or the urgent clock. */
export function computeReportDueAt(policy: DeadlinePolicy, urgent: boolean, from: Date): Date {
  return new Date(from.getTime() + (urgent ? policy.urgentDueHours : policy.reportDueHours) * HOUR);
}

/** The earlier of an existing deadline and a new one: a report never extends a deadline. */
export function earlierDue(current: Date | null | undefined, next: Date): Date {
  return current && new Date(current).getTime() <= next.getTime() ? new Date(current) : next;
}

/** Which clock a deadline runs on, labelled so nobody mistakes a service level for the law. */
export type DeadlineBasis = 'report' | 'urgent' | 'service-level';

const LABELS: Record<DeadlineBasis, string> = {
  report: "Reader's complaint: 2 × 24 h (Dewan Pers, Pedoman Pemberitaan Media Siber, part 3)",
  urgent: 'Urgent class: stricter site policy (not a legal clock)',
  'service-level': 'Held for review: service level set by the site (not law)',
};

/** The clock of a queued comment's deadline and its label; undefined when it has none. */
export function deadlineBasisOf(doc: { dueAt?: Date | null; reported?: boolean | null; urgent?: boolean | null }): { basis: DeadlineBasis; label: string } | undefined {
  if (!doc.dueAt) return undefined;
  const basis: DeadlineBasis = doc.urgent ? 'urgent' : doc.reported ? 'report' : 'service-level';
  return { basis, label: LABELS[basis] };
}

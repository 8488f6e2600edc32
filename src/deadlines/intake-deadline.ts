import { anyUrgent } from '../reports/urgent-categories';
import type { SiteDoc } from '../store/models';
import { computeDueAt, deadlinePolicyOf } from './due-at';

/**
 * The deadline fields of a comment at intake: a held (`pending`) comment is
 * queued now and due in 24 h, or 4 h when a reason is in an urgent class
 * (per-site policy); anything else carries none.
 */
export function intakeDeadline(site: SiteDoc, status: string, categories: string[], now: Date): { queuedAt?: Date; dueAt?: Date; urgent?: boolean } {
  if (status !== 'pending') return {};
  const urgent = anyUrgent(categories);
  return { queuedAt: now, dueAt: computeDueAt(deadlinePolicyOf(site), urgent, now), urgent };
}

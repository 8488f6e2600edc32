import { deadlineBasisOf } from '../deadlines/due-at';
import type { ReportDoc } from '../store/models';

/** A report as the API shows it: its Pasal 10 state, its deadline and the clock it runs on. */
export function toReportView(r: ReportDoc) {
  const clock = deadlineBasisOf({ dueAt: r.dueAt, reported: true, urgent: r.urgent });
  return {
    id: r._id,
    commentId: r.commentId,
    siteId: r.siteId,
    reporterId: r.reporterId,
    reason: r.reason,
    note: r.note ?? undefined,
    at: r.at,
    state: r.state ?? 'received',
    dueAt: r.dueAt ?? undefined,
    deadline: clock,
    reviewedAt: r.reviewedAt ?? undefined,
    reviewedBy: r.reviewedBy ?? undefined,
    resolvedAt: r.resolvedAt ?? undefined,
    resolvedBy: r.resolvedBy ?? undefined,
  };
}

import type { CommentDoc, ReportDoc, TakedownOrderDoc } from '../store/models';
import { TAKEDOWN_BASIS, URGENT_TAKEDOWN_BASIS } from '../takedown/basis';
import { REPORT_PROCESS_BASIS } from '../reports/resolve-reports';

/** The one webhook event: a comment reached a final status (approved or rejected). */
export const WEBHOOK_EVENT = 'comment.final';

/** The webhook event that tells a site to hide a withdrawn comment (reader reports, a take-down order). */
export const WITHDRAWN_WEBHOOK_EVENT = 'comment.withdrawn';

/**
 * The webhook body: the comment's CURRENT state, built at send time, so a
 * retried or late delivery never carries a status that was since overridden;
 * `revision` orders deliveries of the same comment. `type` is the delivery's
 * event (`comment.final`, or another kind queued elsewhere, e.g. a withdrawal).
 * A withdrawal on a ministry order carries the order (`takedown`).
 */
export function webhookBody(deliveryId: string, comment: CommentDoc, at: Date, type: string = WEBHOOK_EVENT, report?: ReportDoc | null, order?: TakedownOrderDoc | null) {
  const d = comment.decision;
  return {
    ...(report ? { report: reportOutcome(report, comment) } : {}),
    ...(order ? { takedown: takedownOf(order) } : {}),
    id: deliveryId,
    type,
    at: at.toISOString(),
    comment: {
      id: comment._id,
      siteId: comment.siteId,
      externalId: comment.externalId,
      articleId: comment.articleId,
      status: comment.status,
      maskedText: comment.maskedText ?? comment.text,
      reasons: d?.reasons ?? [],
      decision: { action: d?.action, decidedBy: d?.decidedBy, decidedAt: d?.decidedAt, note: d?.note ?? undefined, rulesetVersion: d?.rulesetVersion },
      revision: comment.revision,
    },
  };
}

/** The order behind a take-down withdrawal: the site hides the comment and knows why and by when. */
function takedownOf(order: TakedownOrderDoc) {
  return { id: order._id, orderNumber: order.orderNumber, issuer: order.issuer, receivedAt: order.receivedAt, dueAt: order.dueAt, urgent: order.urgent, legalBasis: order.urgent ? URGENT_TAKEDOWN_BASIS : TAKEDOWN_BASIS };
}

/**
 * What a site needs to answer a reporter and tell the author (Permenkominfo
 * 5/2020 Pasal 10(3)–(5)): the outcome, and the legal basis — the articles the
 * comment's reasons cite (as stored with the decision) and the process's own.
 */
function reportOutcome(report: ReportDoc, comment: CommentDoc) {
  const cited = [...new Set((comment.decision?.reasons ?? []).map((r) => r.legalBasis).filter((b): b is string => !!b))];
  return {
    id: report._id,
    reporterId: report.reporterId,
    reason: report.reason,
    receivedAt: report.at,
    dueAt: report.dueAt ?? undefined,
    outcome: report.state,
    resolvedAt: report.resolvedAt ?? undefined,
    commentRemoved: comment.status === 'rejected',
    legalBasis: { process: REPORT_PROCESS_BASIS, cited },
  };
}

import type { CommentDoc } from '../store/models';

/** The one webhook event: a comment reached a final status (approved or rejected). */
export const WEBHOOK_EVENT = 'comment.final';

/**
 * The webhook body: the comment's CURRENT state, built at send time, so a
 * retried or late delivery never carries a status that was since overridden;
 * `revision` orders deliveries of the same comment. `type` is the delivery's
 * event (`comment.final`, or another kind queued elsewhere, e.g. a withdrawal).
 */
export function webhookBody(deliveryId: string, comment: CommentDoc, at: Date, type: string = WEBHOOK_EVENT) {
  const d = comment.decision;
  return {
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

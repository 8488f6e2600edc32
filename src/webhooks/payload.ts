import type { CommentDoc } from '../store/models';

/** The one webhook event: a comment reached a final status (approved or rejected). */
export const WEBHOOK_EVENT = 'comment.final';

/**
 * The webhook body: the comment's CURRENT state, built at send time, so a
 * retried or late delivery never carries a status that was since overridden;
 * `revision` orders deliveries of the same comment.
 */
export function webhookBody(deliveryId: string, comment: CommentDoc, at: Date) {
  const d = comment.decision;
  return {
    id: deliveryId,
    type: WEBHOOK_EVENT,
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

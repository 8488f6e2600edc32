import { z } from 'zod';
import type { Principal } from '../auth/principal';
import { readableSites } from '../auth/site-scope';
import { toCommentView } from '../comments/serialize';
import { findQueuePage, type QueueSelection } from '../store/comment-queries';
import type { CommentDoc, Models } from '../store/models';
import { deadlineBasisOf } from './due-at';

/** The category of a queued comment that no rule matched (held by site policy, or reported). */
export const NO_CATEGORY = 'none';

/** Query of `GET /v1/comments?queue=held|reported|all&sort=due`. */
export const queueQuery = z.strictObject({
  queue: z.enum(['held', 'reported', 'all']).default('held'),
  sort: z.literal('due').default('due'),
  siteId: z.string().trim().min(1).max(100).optional(),
  articleId: z.string().trim().min(1).max(200).optional(),
  category: z.string().trim().min(1).max(100).optional(),
  counts: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type QueueQuery = z.infer<typeof queueQuery>;

/** A queued comment as the queue lists it: the comment, its queue state and the time left. */
export function toQueueView(doc: CommentDoc, now: Date) {
  const due = doc.dueAt ? new Date(doc.dueAt).getTime() : undefined;
  return {
    ...toCommentView(doc),
    reported: !!doc.reported,
    urgent: !!doc.urgent,
    queuedAt: doc.queuedAt ?? undefined,
    withdrawnAt: doc.withdrawnAt ?? undefined,
    deadline: deadlineBasisOf(doc),
    msLeft: due === undefined ? undefined : due - now.getTime(),
    overdue: due !== undefined && due < now.getTime(),
  };
}

/**
 * The comments of a queue without its category, for the principal: `held` is
 * every pending comment nobody reported, `reported` every open comment with
 * reader reports (withdrawn ones included), `all` both — everything a
 * moderator must decide. Refuses a site the principal may not read.
 */
export function queueSelection(principal: Principal, q: Pick<QueueQuery, 'queue' | 'siteId' | 'articleId'>): QueueSelection {
  return { queue: q.queue, siteIds: readableSites(principal, q.siteId), articleId: q.articleId };
}

/**
 * A moderation queue, soonest deadline first, then by `_id` (a stable
 * tie-break for equal deadlines). Cursor pagination on (dueAt, _id), so every
 * comment of a long queue is reachable and none is listed twice.
 */
export async function listQueue(models: Models, principal: Principal, q: QueueQuery): Promise<{ items: CommentDoc[]; nextCursor: string | null }> {
  const category = q.category === undefined ? undefined : q.category === NO_CATEGORY ? null : q.category;
  return findQueuePage(models, { ...queueSelection(principal, q), category }, { limit: q.limit, cursor: q.cursor });
}

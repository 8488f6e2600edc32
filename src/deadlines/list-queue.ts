import type { QueryFilter } from 'mongoose';
import { z } from 'zod';
import type { Principal } from '../auth/principal';
import { readableSites } from '../auth/site-scope';
import { toCommentView } from '../comments/serialize';
import type { CommentDoc, Models } from '../store/models';
import { decodeCursor, encodeCursor } from '../comments/cursor';
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

const FAR = 8.64e15;
const HELD: QueryFilter<CommentDoc> = { status: 'pending', reported: { $ne: true } };
const REPORTED: QueryFilter<CommentDoc> = { reported: true, status: { $ne: 'rejected' } };

function cursorAfter(doc: CommentDoc): string {
  return encodeCursor(doc.dueAt ? new Date(doc.dueAt).getTime() : FAR, doc._id);
}

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
 * The filter of a queue without its category: `held` is every pending comment
 * nobody reported, `reported` every open comment with reader reports
 * (withdrawn ones included), `all` both — everything a moderator must decide.
 */
export function queueFilter(principal: Principal, q: Pick<QueueQuery, 'queue' | 'siteId' | 'articleId'>): QueryFilter<CommentDoc> {
  const sites = readableSites(principal, q.siteId);
  const and: QueryFilter<CommentDoc>[] = [q.queue === 'held' ? HELD : q.queue === 'reported' ? REPORTED : { $or: [HELD, REPORTED] }];
  if (sites) and.push({ siteId: { $in: sites } });
  if (q.articleId) and.push({ articleId: q.articleId });
  return { $and: and };
}

function categoryFilter(category: string): QueryFilter<CommentDoc> {
  return category === NO_CATEGORY ? { 'decision.reasons.0': { $exists: false } } : { 'decision.reasons.category': category };
}

/**
 * A moderation queue, soonest deadline first, then by `_id` (a stable
 * tie-break for equal deadlines). Cursor pagination on (dueAt, _id), so every
 * comment of a long queue is reachable and none is listed twice.
 */
export async function listQueue(models: Models, principal: Principal, q: QueueQuery): Promise<{ items: CommentDoc[]; nextCursor: string | null }> {
  const filter = queueFilter(principal, q);
  const and = filter.$and as QueryFilter<CommentDoc>[];
  if (q.category) and.push(categoryFilter(q.category));
  if (q.cursor) {
    const [t, id] = decodeCursor(q.cursor);
    and.push({ $or: [{ dueAt: { $gt: new Date(t) } }, { dueAt: new Date(t), _id: { $gt: id } }] });
  }
  const docs = (await models.Comment.find(filter).sort({ dueAt: 1, _id: 1 }).limit(q.limit + 1).lean()) as CommentDoc[];
  const page = docs.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: docs.length > q.limit && last ? cursorAfter(last) : null };
}

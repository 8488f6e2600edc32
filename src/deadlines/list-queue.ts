import type { QueryFilter } from 'mongoose';
import { z } from 'zod';
import type { Principal } from '../auth/principal';
import { readableSites } from '../auth/site-scope';
import { toCommentView } from '../comments/serialize';
import type { CommentDoc, Models } from '../store/models';
import { decodeCursor, encodeCursor } from '../comments/cursor';
import { deadlineBasisOf } from './due-at';

/** Query of `GET /v1/comments?queue=held|reported&sort=due`. */
export const queueQuery = z.strictObject({
  queue: z.enum(['held', 'reported']).default('held'),
  sort: z.literal('due').default('due'),
  siteId: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type QueueQuery = z.infer<typeof queueQuery>;

const FAR = 8.64e15;

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
 * A moderation queue, soonest deadline first: `held` is every pending
 * comment nobody reported, `reported` every open comment with reader reports
 * (withdrawn ones included). Cursor pagination on (dueAt, _id).
 */
export async function listQueue(models: Models, principal: Principal, q: QueueQuery): Promise<{ items: CommentDoc[]; nextCursor: string | null }> {
  const sites = readableSites(principal, q.siteId);
  const filter: QueryFilter<CommentDoc> = q.queue === 'held' ? { status: 'pending', reported: { $ne: true } } : { reported: true, status: { $ne: 'rejected' } };
  if (sites) filter.siteId = { $in: sites };
  if (q.cursor) {
    const [t, id] = decodeCursor(q.cursor);
    filter.$or = [{ dueAt: { $gt: new Date(t) } }, { dueAt: new Date(t), _id: { $gt: id } }];
  }
  const docs = (await models.Comment.find(filter).sort({ dueAt: 1, _id: 1 }).limit(q.limit + 1).lean()) as CommentDoc[];
  const page = docs.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: docs.length > q.limit && last ? cursorAfter(last) : null };
}

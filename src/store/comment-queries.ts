import type { QueryFilter } from 'mongoose';
import type { CommentDoc, Models } from './models';
import { findPage, readerOf, type Page } from './paginate';

/**
 * The read queries of the `comments` collection behind the comment list and
 * the moderation queues. Callers decide who may see which sites and pass the
 * sites in (`siteIds` absent: every site); these only build and run queries.
 */

/** A page of a list: at most `limit` items after `cursor`. */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** Which comments the list shows. */
export interface CommentSelection {
  siteIds?: string[];
  status?: CommentDoc['status'];
  articleId?: string;
  authorId?: string;
}

/** Comments newest first (cursor pagination on createdAt, _id). */
export function findCommentPage(models: Models, sel: CommentSelection, page: PageRequest): Promise<Page<CommentDoc>> {
  const filter: QueryFilter<CommentDoc> = {};
  if (sel.siteIds) filter.siteId = { $in: sel.siteIds };
  if (sel.status) filter.status = sel.status;
  if (sel.articleId) filter.articleId = sel.articleId;
  if (sel.authorId) filter['author.id'] = sel.authorId;
  return findPage(readerOf<CommentDoc>(models.Comment), filter, { field: 'createdAt', direction: 'desc' }, page);
}

/** One comment by id, or null. */
export async function findComment(models: Models, id: string): Promise<CommentDoc | null> {
  return (await models.Comment.findById(id).lean()) as CommentDoc | null;
}

/** A moderation queue: `held` (pending, unreported), `reported` (open, with reader reports) or `all` (both). */
export interface QueueSelection {
  queue: 'held' | 'reported' | 'all';
  siteIds?: string[];
  articleId?: string;
}

const HELD: QueryFilter<CommentDoc> = { status: 'pending', reported: { $ne: true } };
const REPORTED: QueryFilter<CommentDoc> = { reported: true, status: { $ne: 'rejected' } };
/** The sort key of a queued comment without a deadline: after every dated one. */
const FAR = 8.64e15;

function queueFilter(sel: QueueSelection): QueryFilter<CommentDoc> & { $and: QueryFilter<CommentDoc>[] } {
  const and: QueryFilter<CommentDoc>[] = [sel.queue === 'held' ? HELD : sel.queue === 'reported' ? REPORTED : { $or: [HELD, REPORTED] }];
  if (sel.siteIds) and.push({ siteId: { $in: sel.siteIds } });
  if (sel.articleId) and.push({ articleId: sel.articleId });
  return { $and: and };
}

/**
 * A queue soonest deadline first, then by `_id` (cursor pagination on dueAt, _id).
 * `category`: only comments with a reason of that category; null: only those no rule matched.
 */
export function findQueuePage(models: Models, sel: QueueSelection & { category?: string | null }, page: PageRequest): Promise<Page<CommentDoc>> {
  const filter = queueFilter(sel);
  if (sel.category === null) filter.$and.push({ 'decision.reasons.0': { $exists: false } });
  else if (sel.category !== undefined) filter.$and.push({ 'decision.reasons.category': sel.category });
  return findPage(readerOf<CommentDoc>(models.Comment), filter, { field: 'dueAt', direction: 'asc', missing: FAR }, page);
}

/** What the queue counters read of each queued comment. */
export type QueueCountFields = Pick<CommentDoc, 'siteId' | 'reported' | 'dueAt'> & { decision?: { reasons?: { category?: string | null }[] } | null };

/** Every comment of a queue, as the narrow projection the counters need (FerretDB has no `$unwind`). */
export async function findQueueCountFields(models: Models, sel: QueueSelection): Promise<QueueCountFields[]> {
  return (await models.Comment.find(queueFilter(sel), { siteId: 1, reported: 1, dueAt: 1, decision: 1 }).lean()) as QueueCountFields[];
}

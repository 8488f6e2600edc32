import type { QueryFilter } from 'mongoose';
import { canAccessSite, type Principal } from '../auth/principal';
import { readableSites } from '../auth/site-scope';
import { AppError } from '../errors';
import type { Models, CommentDoc } from '../store/models';
import type { z } from 'zod';
import type { listCommentsQuery } from './schema';
import { decodeCursor, encodeCursor } from './cursor';

type ListQuery = z.infer<typeof listCommentsQuery>;

function cursorAfter(doc: CommentDoc): string {
  return encodeCursor(new Date(doc.createdAt).getTime(), doc._id);
}

/**
 * Lists comments newest first with cursor pagination on (createdAt, _id).
 * A site token sees its own site only; a moderator its own sites.
 */
export async function listComments(models: Models, principal: Principal, q: ListQuery) {
  const filter: QueryFilter<CommentDoc> = {};
  const sites = readableSites(principal, q.siteId);
  if (sites) filter.siteId = { $in: sites };
  if (q.status) filter.status = q.status;
  if (q.articleId) filter.articleId = q.articleId;
  if (q.authorId) filter['author.id'] = q.authorId;
  if (q.cursor) {
    const [t, id] = decodeCursor(q.cursor);
    filter.$or = [{ createdAt: { $lt: new Date(t) } }, { createdAt: new Date(t), _id: { $lt: id } }];
  }
  const docs = (await models.Comment.find(filter).sort({ createdAt: -1, _id: -1 }).limit(q.limit + 1).lean()) as CommentDoc[];
  const page = docs.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: docs.length > q.limit && last ? cursorAfter(last) : null };
}

/** One comment, if the principal may see its site; otherwise 404 (existence is not revealed). */
export async function getComment(models: Models, principal: Principal, id: string): Promise<CommentDoc> {
  const doc = (await models.Comment.findById(id).lean()) as CommentDoc | null;
  if (!doc || !canAccessSite(principal, doc.siteId)) throw new AppError('not_found', `No comment ${id}.`);
  return doc;
}

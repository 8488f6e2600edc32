import { canAccessSite, type Principal } from '../auth/principal';
import { readableSites } from '../auth/site-scope';
import { AppError } from '../errors';
import { findComment, findCommentPage } from '../store/comment-queries';
import type { Models, CommentDoc } from '../store/models';
import type { z } from 'zod';
import type { listCommentsQuery } from './schema';

type ListQuery = z.infer<typeof listCommentsQuery>;

/**
 * Lists comments newest first with cursor pagination on (createdAt, _id).
 * A site token sees its own site only; a moderator its own sites.
 */
export async function listComments(models: Models, principal: Principal, q: ListQuery) {
  const siteIds = readableSites(principal, q.siteId);
  return findCommentPage(models, { siteIds, status: q.status, articleId: q.articleId, authorId: q.authorId }, { limit: q.limit, cursor: q.cursor });
}

/** One comment, if the principal may see its site; otherwise 404 (existence is not revealed). */
export async function getComment(models: Models, principal: Principal, id: string): Promise<CommentDoc> {
  const doc = await findComment(models, id);
  if (!doc || !canAccessSite(principal, doc.siteId)) throw new AppError('not_found', `No comment ${id}.`);
  return doc;
}

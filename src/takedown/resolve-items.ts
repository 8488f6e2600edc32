import { canAccessSite, visibleSites, type Principal } from '../auth/principal';
import { AppError, type ErrorDetail } from '../errors';
import type { CommentDoc, Models } from '../store/models';
import { MAX_COMMENTS, type TakedownItemInput } from './schema';

/** One item of an order and the comments it covers. */
export interface ResolvedItem {
  item: TakedownItemInput;
  commentIds: string[];
}

/** The forms of an article URL a comment may have been stored with: as given, and with or without the trailing slash. */
export function articleUrlForms(url: string): string[] {
  const bare = url.endsWith('/') ? url.slice(0, -1) : url;
  return [...new Set([url, bare, `${bare}/`])];
}

/**
 * Finds the comments each item covers, on the sites the principal may act on:
 * a `commentId` must be one of them (else 422, nothing is stored); an
 * `articleUrl` covers every comment stored with that article URL at the time
 * the order is received (none is fine: the article may have no comments).
 */
export async function resolveItems(models: Models, principal: Principal, items: TakedownItemInput[]): Promise<{ resolved: ResolvedItem[]; comments: Map<string, CommentDoc> }> {
  const sites = visibleSites(principal);
  const comments = new Map<string, CommentDoc>();
  const resolved: ResolvedItem[] = [];
  const problems: ErrorDetail[] = [];
  for (const [index, item] of items.entries()) {
    if (item.commentId) {
      const doc = (await models.Comment.findById(item.commentId).lean()) as CommentDoc | null;
      if (!doc || !canAccessSite(principal, doc.siteId)) {
        problems.push({ path: `items.${index}.commentId`, message: `no comment ${item.commentId} on the sites this token may act on` });
        continue;
      }
      comments.set(doc._id, doc);
      resolved.push({ item, commentIds: [doc._id] });
      continue;
    }
    const filter = { articleUrl: { $in: articleUrlForms(item.articleUrl ?? '') }, ...(sites ? { siteId: { $in: sites } } : {}) };
    const docs = (await models.Comment.find(filter).sort({ createdAt: 1, _id: 1 }).limit(MAX_COMMENTS + 1).lean()) as CommentDoc[];
    for (const d of docs) comments.set(d._id, d);
    resolved.push({ item, commentIds: docs.map((d) => d._id) });
  }
  if (problems.length) throw new AppError('validation_failed', undefined, problems);
  if (comments.size > MAX_COMMENTS) throw new AppError('validation_failed', `The order covers more than ${MAX_COMMENTS} comments; split it into several orders.`, [{ path: 'items', message: `more than ${MAX_COMMENTS} comments` }]);
  return { resolved, comments };
}

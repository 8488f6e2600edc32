import type { Models, AuditDoc, AuthorDoc, CommentDoc, ReportDoc, TakedownOrderDoc } from '../store/models';
import { authorKey } from '../standing/standing';

/** Everything Saring holds about one author on one site. */
export interface AuthorData {
  key: string;
  comments: CommentDoc[];
  /** Readers' reports on the author's comments. */
  reportsOnComments: ReportDoc[];
  /** Reports the author filed as a reader (reporter ids share the site's user ids). */
  reportsFiled: ReportDoc[];
  standing: AuthorDoc | null;
  audit: (AuditDoc & { _id: unknown })[];
  takedownOrders: TakedownOrderDoc[];
}

/** The audit targets that concern the author: their comments, their standing, the reports they filed. */
export function auditTargets(data: Pick<AuthorData, 'key' | 'comments' | 'reportsFiled'>): string[] {
  return [...data.comments.map((c) => `comment:${c._id}`), `author:${data.key}`, ...data.reportsFiled.map((r) => `report:${r._id}`)];
}

/**
 * Reads everything about an author on a site: their comments (with the
 * decisions), the reports on them and the ones they filed, their standing
 * (history, ban), the audit entries about any of these, and the take-down
 * orders that cover their comments. Filters run in code on FerretDB; these
 * are rare, deliberate requests, not the hot path.
 */
export async function collectAuthorData(models: Models, siteId: string, authorId: string): Promise<AuthorData> {
  const key = authorKey(siteId, authorId);
  const [comments, reportsFiled, standing] = await Promise.all([
    models.Comment.find({ siteId, 'author.id': authorId }).sort({ createdAt: 1, _id: 1 }).lean() as Promise<CommentDoc[]>,
    models.Report.find({ siteId, reporterId: authorId }).sort({ at: 1 }).lean() as Promise<ReportDoc[]>,
    models.Author.findById(key).lean() as Promise<AuthorDoc | null>,
  ]);
  const ids = comments.map((c) => c._id);
  const [reportsOnComments, audit, takedownOrders] = await Promise.all([
    ids.length ? (models.Report.find({ commentId: { $in: ids } }).sort({ at: 1 }).lean() as Promise<ReportDoc[]>) : Promise.resolve([]),
    models.Audit.find({ target: { $in: auditTargets({ key, comments, reportsFiled }) } }).sort({ at: 1 }).lean() as Promise<AuthorData['audit']>,
    ids.length ? (models.TakedownOrder.find({ 'comments.commentId': { $in: ids } }).lean() as Promise<TakedownOrderDoc[]>) : Promise.resolve([]),
  ]);
  return { key, comments, reportsOnComments, reportsFiled, standing, audit, takedownOrders };
}

/** The author's decision counts: what an erasure keeps. */
export function decisionCounts(comments: Pick<CommentDoc, 'status'>[]): { approved: number; pending: number; rejected: number } {
  const counts = { approved: 0, pending: 0, rejected: 0 };
  for (const c of comments) counts[c.status] += 1;
  return counts;
}

/** What an export or an erasure counts of an author's data (the audit line keeps these, never the data). */
export function dataCounts(data: AuthorData) {
  return {
    comments: data.comments.length,
    decisions: decisionCounts(data.comments),
    reportsOnTheirComments: data.reportsOnComments.length,
    reportsFiled: data.reportsFiled.length,
    auditEntries: data.audit.length,
    takedownOrders: data.takedownOrders.length,
  };
}

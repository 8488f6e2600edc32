import type { Principal } from '../auth/principal';
import { toCommentView } from '../comments/serialize';
import type { AppDeps } from '../deps';
import { toReportView } from '../reports/report-view';
import type { SiteDirectory } from '../sites/site-directory';
import { offenderPolicyOf, summarizeStanding } from '../standing/standing';
import { collectAuthorData, dataCounts } from './collect';
import { DATA_REQUEST_BASIS, type ExportQuery } from './schema';
import { requestSite } from './site-access';

export type AuthorDataDeps = Pick<AppDeps, 'store' | 'now' | 'logger'> & { sites: SiteDirectory };

const auditView = (a: { at?: Date | null; actor: string; action: string; target: string; before?: unknown; after?: unknown; note?: string | null }) => ({
  at: a.at ?? undefined,
  actor: a.actor,
  action: a.action,
  target: a.target,
  before: a.before ?? undefined,
  after: a.after ?? undefined,
  note: a.note ?? undefined,
});

/**
 * Everything Saring holds about an author on a site, for a lawful request
 * (Permenkominfo 5/2020 Pasal 11, 26–27) or the author's own (UU PDP Pasal
 * 30–32): comments with their decisions, the reports on them and the ones
 * they filed, standing and bans, the audit entries, and the take-down orders
 * covering their comments. The export is itself audited (`author.export`).
 */
export async function exportAuthor(deps: AuthorDataDeps, principal: Principal, siteId: string, authorId: string, q: ExportQuery) {
  const site = await requestSite(deps.sites, principal, siteId);
  const data = await collectAuthorData(deps.store.models, siteId, authorId);
  const now = deps.now();
  const bans = data.audit.filter((a) => a.action === 'author.ban' || a.action === 'author.unban');
  const counts = { ...dataCounts(data), bans: bans.filter((b) => b.action === 'author.ban').length };
  await deps.store.models.Audit.create({ actor: principal.id, action: 'author.export', target: `author:${data.key}`, siteId, after: { ...counts, ...(q.requestRef ? { requestRef: q.requestRef } : {}) }, note: q.reason, at: now });
  const ids = new Set(data.comments.map((c) => c._id));
  return {
    siteId,
    authorId,
    generatedAt: now,
    generatedBy: principal.id,
    legalBasis: DATA_REQUEST_BASIS.export,
    ...(q.requestRef ? { requestRef: q.requestRef } : {}),
    names: [...new Set(data.comments.map((c) => c.author?.name).filter((n): n is string => !!n))],
    counts,
    comments: data.comments.map((c) => ({ ...toCommentView(c), withdrawnAt: c.withdrawnAt ?? undefined, takedownOrderIds: c.takedownOrderIds ?? undefined, erasedAt: c.erasedAt ?? undefined })),
    decisions: data.comments.map((c) => ({ commentId: c._id, status: c.status, decision: c.decision ?? undefined, autoDecision: c.autoDecision ?? undefined })),
    reports: { onTheirComments: data.reportsOnComments.map(toReportView), filedByThem: data.reportsFiled.map(toReportView) },
    standing: { ...summarizeStanding(siteId, authorId, data.standing, offenderPolicyOf(site), now), history: data.standing?.history ?? [], bannedUntil: data.standing?.bannedUntil ?? undefined, banReason: data.standing?.banReason ?? undefined },
    bans: bans.map(auditView),
    audit: data.audit.map(auditView),
    takedownOrders: data.takedownOrders.map((o) => ({ id: o._id, orderNumber: o.orderNumber, issuer: o.issuer, receivedAt: o.receivedAt, dueAt: o.dueAt, completedAt: o.completedAt ?? undefined, commentIds: (o.comments ?? []).map((c) => c.commentId).filter((id) => ids.has(id)) })),
  };
}

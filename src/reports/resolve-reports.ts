import type { Principal } from '../auth/principal';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { effectId } from '../effects/effect-ids';
import type { SiteDirectory } from '../sites/site-directory';
import { insertDeliveryOnce } from '../store/deliveries';
import type { CommentDoc, ReportDoc } from '../store/models';
import { updateFields, updateFieldsIf } from '../store/documents';

/** The webhook event that lets a site answer the reporter and tell the author (Pasal 10(3)–(5)). */
export const REPORT_RESOLVED_EVENT = 'report.resolved';

/** The states of a report that still want an answer. */
export const OPEN_REPORT_STATES: readonly string[] = ['received', 'reviewed'];

/** Where the report workflow comes from, for the `report.resolved` webhook. */
export const REPORT_PROCESS_BASIS = 'Permenkominfo 5/2020 Pasal 10 ayat (3)–(5); Pedoman Pemberitaan Media Siber (Peraturan Dewan Pers 1/Peraturan-DP/III/2012) angka 3';

type Deps = Pick<AppDeps, 'store' | 'now' | 'logger'> & { sites: SiteDirectory };

/**
 * After a moderator decision, the comment's open reports get their outcome:
 * `upheld` when the comment is rejected (taken down), `rejected` when it is
 * approved (it stays, or goes back, on the site). Each resolved report queues a
 * `report.resolved` webhook (once: its `_id` derives from the report). A comment
 * left `pending` resolves nothing.
 */
export async function resolveReports(deps: Deps, principal: Principal, comment: CommentDoc, at: Date): Promise<ReportDoc[]> {
  if (comment.status === 'pending') return [];
  const state = comment.status === 'rejected' ? 'upheld' : 'rejected';
  const { Report } = deps.store.models;
  const open = ((await Report.find({ commentId: comment._id }).lean()) as ReportDoc[]).filter((r) => OPEN_REPORT_STATES.includes(r.state ?? 'received'));
  if (open.length === 0) return [];
  const site = await deps.sites.get(comment.siteId);
  const resolved: ReportDoc[] = [];
  for (const r of open) {
    const set = { state, resolvedAt: at, resolvedBy: principal.id };
    if (!(await updateFieldsIf(Report, r._id, { state: r.state ?? 'received' }, { $set: set }))) continue;
    resolved.push({ ...r, ...set } as ReportDoc);
    if (site?.webhookUrl) {
      const _id = effectId(r._id, 0, `webhook.${REPORT_RESOLVED_EVENT}`);
      await insertDeliveryOnce(deps.store, { _id, siteId: comment.siteId, commentId: comment._id, reportId: r._id, url: site.webhookUrl, event: REPORT_RESOLVED_EVENT, at });
    }
  }
  return resolved;
}

/** A moderator marks a report as looked at (`received` → `reviewed`); audited. */
export async function reviewReport(deps: Pick<AppDeps, 'store' | 'now'>, principal: Principal, reportId: string, canSee: (siteId: string) => boolean): Promise<ReportDoc> {
  const { Report, Audit } = deps.store.models;
  const report = (await Report.findById(reportId).lean()) as ReportDoc | null;
  if (!report || !canSee(report.siteId)) throw new AppError('not_found', `No report ${reportId}.`);
  if (report.state !== undefined && report.state !== 'received') {
    if (report.state === 'reviewed') return report;
    throw new AppError('conflict', `The report is already ${report.state}.`, [{ path: 'state', message: `report is ${report.state}` }]);
  }
  const now = deps.now();
  const set = { state: 'reviewed', reviewedAt: now, reviewedBy: principal.id };
  await updateFields(Report, report._id, { $set: set });
  await Audit.create({ actor: principal.id, action: 'report.review', target: `report:${report._id}`, siteId: report.siteId, before: { state: report.state ?? 'received' }, after: { state: 'reviewed' }, at: now });
  return { ...report, ...set } as ReportDoc;
}

import type { Principal } from '../auth/principal';
import { toCommentView } from '../comments/serialize';
import { siteOf } from '../comments/submit-comment';
import { computeReportDueAt, deadlinePolicyOf, earlierDue } from '../deadlines/due-at';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import type { SiteDirectory } from '../sites/site-directory';
import type { CommentDoc, ReportDoc, SiteDoc } from '../store/models';
import { withCommentClaim } from '../store/claims';
import { eventEffect, webhookEffect, withEffects } from '../effects/build-effects';
import { carryOutNow } from '../effects/carry-out';
import type { PendingEffect } from '../store/effects';
import { WITHDRAWN_WEBHOOK_EVENT } from '../webhooks/payload';
import type { ReportInput } from './schema';
import { anyUrgent, isUrgentCategory } from './urgent-categories';
import { shouldWithdraw } from './withdraw-rule';
import { updateCommentAtRevision } from '../store/comment-writes';
import { insertOnce } from '../store/documents';

export type ReportDeps = Pick<AppDeps, 'store' | 'rules' | 'events' | 'now' | 'logger'> & { sites: SiteDirectory };

export interface ReportResult {
  created: boolean;
  report: ReportDoc;
  comment: CommentDoc;
  withdrawn: boolean;
}

export { WITHDRAWN_WEBHOOK_EVENT } from '../webhooks/payload';

function assertKnownReason(deps: ReportDeps, reason: string): void {
  if (reason === 'other') return;
  const known = deps.rules.current().files.flatMap((f) => f.categories);
  if (!known.includes(reason)) throw new AppError('validation_failed', undefined, [{ path: 'reason', message: `unknown category ${reason}; use one of ${known.join(', ')} or "other"` }]);
}

async function storeReport(deps: ReportDeps, site: SiteDoc, comment: CommentDoc, input: ReportInput): Promise<{ created: boolean; report: ReportDoc }> {
  const { Report } = deps.store.models;
  const at = deps.now();
  const urgent = isUrgentCategory(input.reason) || anyUrgent((comment.decision?.reasons ?? []).map((r) => r.category));
  const report = {
    _id: `${comment._id}:${input.reporterId}`,
    commentId: comment._id,
    siteId: comment.siteId,
    reporterId: input.reporterId,
    reason: input.reason,
    note: input.note,
    at,
    state: 'received',
    urgent,
    dueAt: computeReportDueAt(deadlinePolicyOf(site), urgent, at),
  };
  if (await insertOnce(Report, report)) return { created: true, report: report as ReportDoc };
  // the `_id` is comment:reporter, so the store's uniqueness de-duplicates a reader's second report
  return { created: false, report: ((await Report.findById(report._id).lean()) ?? report) as ReportDoc };
}

/** Counts the reports and puts the comment in the reported queue, withdrawing it when the rule says so. */
async function applyReports(deps: ReportDeps, site: SiteDoc, fresh: CommentDoc, report: ReportDoc, created: boolean): Promise<{ comment: CommentDoc; withdrawn: boolean; effects: PendingEffect[] }> {
  const now = deps.now();
  const reason = report.reason;
  const reportCount = await deps.store.models.Report.countDocuments({ commentId: fresh._id });
  const urgent = !!fresh.urgent || isUrgentCategory(reason) || anyUrgent((fresh.decision?.reasons ?? []).map((r) => r.category));
  const withdrawn = shouldWithdraw(fresh, reportCount, reason, site.policy?.reportThreshold ?? 3);
  const open = fresh.status !== 'rejected';
  const set: Record<string, unknown> = { reportCount, updatedAt: now };
  if (open) Object.assign(set, { reported: true, urgent, queuedAt: fresh.queuedAt ?? now, dueAt: earlierDue(fresh.dueAt, computeReportDueAt(deadlinePolicyOf(site), urgent, now)) });
  if (withdrawn) Object.assign(set, { status: 'pending', withdrawnAt: now, revision: fresh.revision + 1 });
  const comment = { ...fresh, ...set } as CommentDoc;
  // written with the report count and the withdrawal: the moderators' event, and the webhook that hides it
  const effects = [
    ...(created || withdrawn
      ? [eventEffect({ hostId: report._id, revision: comment.revision, at: now }, 'comment.reported', { ...toCommentView(comment), previousStatus: fresh.status, withdrawn, report: { reporterId: report.reporterId, reason, note: report.note ?? undefined, at: report.at as Date } }, fresh.siteId)]
      : []),
    ...(withdrawn ? webhookEffect({ hostId: fresh._id, revision: comment.revision, at: now }, site, { event: WITHDRAWN_WEBHOOK_EVENT }) : []),
  ];
  await updateCommentAtRevision(deps.store.models, fresh, { $set: { ...set, ...withEffects(fresh, effects, now) } });
  return { comment, withdrawn, effects };
}

/**
 * A reader reports a comment (through its site): the report is stored once
 * per reader, the comment's reports are counted, an open comment enters the
 * reported queue with a deadline (48 h, Dewan Pers; 4 h for urgent classes, a
 * site policy), the report starts `received` (Permenkominfo 5/2020 Pasal 10), and reaching
 * the site's threshold — or one report in an urgent class — withdraws a
 * published comment at once: status `pending`, a `comment.reported` event
 * with `withdrawn: true`, and a webhook telling the site to hide it.
 */
export async function reportComment(deps: ReportDeps, principal: Principal, commentId: string, input: ReportInput): Promise<ReportResult> {
  const siteId = siteOf(principal);
  assertKnownReason(deps, input.reason);
  const found = (await deps.store.models.Comment.findById(commentId).lean()) as CommentDoc | null;
  if (!found || found.siteId !== siteId) throw new AppError('not_found', `No comment ${commentId}.`);
  const site = await deps.sites.get(siteId);
  if (!site) throw new AppError('forbidden', `Site ${siteId} no longer exists.`);

  const { created, report } = await storeReport(deps, site, found, input);
  // a repeated report re-runs the count (idempotent), so a report whose count was interrupted is not lost
  const applied = await withCommentClaim(deps.store, commentId, `report:${input.reporterId}`, (fresh) => applyReports(deps, site, fresh, report, created));
  if (!applied) throw new AppError('conflict', 'The comment is being changed right now; send the report again.');
  const { comment, withdrawn, effects } = applied.value;
  await carryOutNow(deps, { collection: 'comments', id: commentId, revision: comment.revision }, effects);
  return { created, report, comment, withdrawn };
}

import { Router } from 'express';
import { toCommentView } from '../comments/serialize';
import { getComment } from '../comments/list-comments';
import type { AppDeps } from '../deps';
import { principalOf, requireRole } from '../http/middleware/auth';
import { parseBody } from '../http/validate';
import type { SiteDirectory } from '../sites/site-directory';
import { canAccessSite } from '../auth/principal';
import { reportComment } from './report-comment';
import { reviewReport } from './resolve-reports';
import { reportSchema } from './schema';
import { toReportView } from './report-view';
import type { ReportDoc } from '../store/models';

/** `POST /v1/comments/:id/reports` (site token, for a reader) and `GET` of a comment's reports. */
export function reportRoutes(deps: AppDeps & { sites: SiteDirectory }): Router {
  const router = Router();

  router.post('/v1/comments/:id/reports', requireRole(deps.auth, 'site'), async (req, res) => {
    const input = parseBody(reportSchema, req.body);
    const r = await reportComment(deps, principalOf(req), String(req.params.id), input);
    res.status(r.created ? 201 : 200).json({ report: toReportView(r.report), duplicate: !r.created, withdrawn: r.withdrawn, comment: toCommentView(r.comment) });
  });

  router.get('/v1/comments/:id/reports', requireRole(deps.auth), async (req, res) => {
    const comment = await getComment(deps.store.models, principalOf(req), String(req.params.id));
    const reports = (await deps.store.models.Report.find({ commentId: comment._id }).sort({ at: 1 }).limit(500).lean()) as ReportDoc[];
    res.json({ commentId: comment._id, reportCount: comment.reportCount ?? reports.length, items: reports.map(toReportView) });
  });

  router.post('/v1/reports/:id/review', requireRole(deps.auth, 'moderator', 'admin'), async (req, res) => {
    const principal = principalOf(req);
    res.json(toReportView(await reviewReport(deps, principal, String(req.params.id), (siteId) => canAccessSite(principal, siteId))));
  });

  return router;
}

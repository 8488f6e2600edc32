import { Router } from 'express';
import type { AppDeps } from '../deps';
import { principalOf, requireRole } from '../http/middleware/auth';
import { parseQuery } from '../http/validate';
import { computeCompliance, DAY_OFFSET_MS } from './compute-compliance';
import { complianceToCsv } from './to-csv';
import { complianceQuery } from './schema';

const wibDay = (ms: number) => new Date(ms + DAY_OFFSET_MS).toISOString().slice(0, 10);

/** `GET /v1/reports/compliance` (admin, or a moderator or legal officer for its sites): JSON, or CSV with `Accept: text/csv` or `?format=csv`. */
export function complianceRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/v1/reports/compliance', requireRole(deps.auth, 'moderator', 'admin', 'legal'), async (req, res) => {
    const q = parseQuery(complianceQuery, req.query);
    const report = await computeCompliance(deps, principalOf(req), q);
    const csv = q.format === 'csv' || (q.format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (!csv) return void res.json(report);
    // the WIB days covered: the first, and the last (the day of the instant before the exclusive end)
    const name = `saring-compliance-${wibDay(Date.parse(report.from))}-${wibDay(Date.parse(report.to) - 1)}.csv`;
    res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${name}"`).send(complianceToCsv(report));
  });
  return router;
}

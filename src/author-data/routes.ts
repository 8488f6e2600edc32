import { Router } from 'express';
import type { AppDeps } from '../deps';
import { principalOf, requireRole } from '../http/middleware/auth';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import type { SiteDirectory } from '../sites/site-directory';
import { authorParams } from '../standing/schema';
import { eraseAuthor } from './erase-author';
import { exportAuthor } from './export-author';
import { eraseSchema, exportQuery } from './schema';

/** Author data requests (admin, or a legal officer of the site): `GET …/export`, `POST …/erase`. Both audited. */
export function authorDataRoutes(deps: AppDeps & { sites: SiteDirectory }): Router {
  const router = Router();
  const legal = requireRole(deps.auth, 'admin', 'legal');

  router.get('/v1/sites/:id/authors/:authorId/export', legal, async (req, res) => {
    const p = parseParams(authorParams, req.params);
    const q = parseQuery(exportQuery, req.query);
    const exported = await exportAuthor(deps, principalOf(req), p.id, p.authorId, q);
    const file = `saring-author-${p.id}-${p.authorId}`.replace(/[^A-Za-z0-9._-]/g, '_');
    res.set('Content-Disposition', `attachment; filename="${file}.json"`).set('Cache-Control', 'no-store').json(exported);
  });

  router.post('/v1/sites/:id/authors/:authorId/erase', legal, async (req, res) => {
    const p = parseParams(authorParams, req.params);
    const input = parseBody(eraseSchema, req.body);
    res.json(await eraseAuthor(deps, principalOf(req), p.id, p.authorId, input));
  });

  return router;
}

import { Router } from 'express';
import type { AppDeps } from '../deps';
import { principalOf, requireRole } from '../http/middleware/auth';
import { parseBody, parseParams } from '../http/validate';
import type { SiteDirectory } from '../sites/site-directory';
import { banAuthor, getStanding, liftBan } from './ban-author';
import { authorParams, banSchema, liftBanSchema } from './schema';

/**
 * Author standing and bans: `GET /v1/sites/:id/authors/:authorId` (moderator,
 * admin, or the site itself), `POST|DELETE …/ban` (moderator of the site, or admin).
 */
export function standingRoutes(deps: AppDeps & { sites: SiteDirectory }): Router {
  const router = Router();
  const moderator = requireRole(deps.auth, 'moderator', 'admin');

  router.get('/v1/sites/:id/authors/:authorId', requireRole(deps.auth), async (req, res) => {
    const p = parseParams(authorParams, req.params);
    res.json(await getStanding(deps, principalOf(req), p.id, p.authorId));
  });

  router.post('/v1/sites/:id/authors/:authorId/ban', moderator, async (req, res) => {
    const p = parseParams(authorParams, req.params);
    const input = parseBody(banSchema, req.body);
    res.json(await banAuthor(deps, principalOf(req), p.id, p.authorId, input));
  });

  router.delete('/v1/sites/:id/authors/:authorId/ban', moderator, async (req, res) => {
    const p = parseParams(authorParams, req.params);
    const input = parseBody(liftBanSchema, req.body ?? {});
    res.json(await liftBan(deps, principalOf(req), p.id, p.authorId, input.reason));
  });

  return router;
}

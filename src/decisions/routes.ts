import { Router } from 'express';
import { toCommentView } from '../comments/serialize';
import type { AppDeps } from '../deps';
import type { SiteDirectory } from '../sites/site-directory';
import { principalOf, requireRole } from '../http/middleware/auth';
import { parseBody } from '../http/validate';
import { decideComment } from './decide-comment';
import { decisionSchema } from './schema';

/** `POST /v1/comments/:id/decision` (moderator or admin, its own sites). */
export function decisionRoutes(deps: AppDeps & { sites: SiteDirectory }): Router {
  const router = Router();
  router.post('/v1/comments/:id/decision', requireRole(deps.auth, 'moderator', 'admin'), async (req, res) => {
    const input = parseBody(decisionSchema, req.body);
    const { comment } = await decideComment(deps, principalOf(req), String(req.params.id), input);
    res.json(toCommentView(comment));
  });
  return router;
}

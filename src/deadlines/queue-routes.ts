import { Router } from 'express';
import type { AppDeps } from '../http/deps';
import { principalOf, requireRole } from '../http/middleware/auth';
import { parseQuery } from '../http/validate';
import { listQueue, queueQuery, toQueueView } from './list-queue';

/**
 * `GET /v1/comments?queue=held|reported&sort=due`: the queues by deadline.
 * Mounted before the comment routes; a request without `queue` or `sort`
 * passes through to the plain listing.
 */
export function queueRoutes(deps: AppDeps): Router {
  const router = Router();
  const anyone = requireRole(deps.auth);
  router.get(
    '/v1/comments',
    (req, _res, next) => (req.query.queue === undefined && req.query.sort === undefined ? next('route') : next()),
    anyone,
    async (req, res) => {
      const q = parseQuery(queueQuery, req.query);
      const { items, nextCursor } = await listQueue(deps.store.models, principalOf(req), q);
      const now = deps.now();
      res.json({ items: items.map((d) => toQueueView(d, now)), nextCursor });
    },
  );
  return router;
}

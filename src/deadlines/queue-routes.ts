import { Router } from 'express';
import type { AppDeps } from '../deps';
import { principalOf, requireRole } from '../http/middleware/auth';
import { parseQuery } from '../http/validate';
import { countQueue } from './count-queue';
import { listQueue, queueQuery, toQueueView } from './list-queue';

/**
 * `GET /v1/comments?queue=held|reported|all&sort=due`: the queues by deadline,
 * with the queue's exact counts when asked (`counts=true`).
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
      const now = deps.now();
      const [{ items, nextCursor }, counts] = await Promise.all([
        listQueue(deps.store.models, principalOf(req), q),
        q.counts === 'true' ? countQueue(deps.store.models, principalOf(req), q, now) : undefined,
      ]);
      res.json({ items: items.map((d) => toQueueView(d, now)), nextCursor, ...(counts ? { counts } : {}) });
    },
  );
  return router;
}

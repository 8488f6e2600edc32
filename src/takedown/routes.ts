import { Router } from 'express';
import { readableSites } from '../auth/site-scope';
import type { AppDeps } from '../deps';
import { principalOf, requireRole } from '../http/middleware/auth';
import { parseBody, parseParams, parseQuery } from '../http/validate';
import type { SiteDirectory } from '../sites/site-directory';
import type { TakedownOrderDoc } from '../store/models';
import { completeTakedownOrder } from './complete-order';
import { buildEvidence } from './evidence';
import { evidenceToHtml } from './evidence-html';
import { canSeeOrder, readOrder } from './order-access';
import { toOrderView } from './order-view';
import { receiveTakedownOrder } from './receive-order';
import { recordWarning } from './record-warning';
import { completeSchema, evidenceQuery, listOrdersQuery, orderParams, takedownOrderSchema, warningSchema } from './schema';

/** The printable evidence is static HTML with one inline style sheet and no script. */
const EVIDENCE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/**
 * Ministry take-down orders: admins and legal officers record orders and
 * warning letters; moderators of the order's sites (and both of those) read
 * them, confirm removal and export the evidence.
 */
export function takedownRoutes(deps: AppDeps & { sites: SiteDirectory }): Router {
  const router = Router();
  const legal = requireRole(deps.auth, 'admin', 'legal');
  const readers = requireRole(deps.auth, 'admin', 'legal', 'moderator');
  const { TakedownOrder, Audit } = deps.store.models;

  router.post('/v1/takedown-orders', legal, async (req, res) => {
    const input = parseBody(takedownOrderSchema, req.body);
    const { created, order } = await receiveTakedownOrder(deps, principalOf(req), input);
    res.status(created ? 201 : 200).json(toOrderView(order, deps.now()));
  });

  router.get('/v1/takedown-orders', readers, async (req, res) => {
    const q = parseQuery(listOrdersQuery, req.query);
    const principal = principalOf(req);
    const sites = readableSites(principal, q.siteId);
    const docs = (await TakedownOrder.find(sites ? { siteIds: { $in: sites } } : {}).sort({ receivedAt: -1, _id: 1 }).lean()) as TakedownOrderDoc[];
    const now = deps.now();
    const views = docs.filter((o) => canSeeOrder(principal, o)).map((o) => toOrderView(o, now));
    const wanted = views.filter((v) => (q.status === 'overdue' ? v.overdue : q.status ? v.status === q.status : true));
    res.json({ items: wanted.slice(0, q.limit) });
  });

  router.get('/v1/takedown-orders/:id', readers, async (req, res) => {
    const { id } = parseParams(orderParams, req.params);
    res.json(toOrderView(await readOrder(deps.store.models, principalOf(req), id), deps.now()));
  });

  router.post('/v1/takedown-orders/:id/warnings', legal, async (req, res) => {
    const { id } = parseParams(orderParams, req.params);
    const input = parseBody(warningSchema, req.body ?? {});
    res.status(201).json(toOrderView(await recordWarning(deps, principalOf(req), id, input), deps.now()));
  });

  router.post('/v1/takedown-orders/:id/complete', readers, async (req, res) => {
    const { id } = parseParams(orderParams, req.params);
    const input = parseBody(completeSchema, req.body ?? {});
    res.json(toOrderView(await completeTakedownOrder(deps, principalOf(req), id, input.note), deps.now()));
  });

  router.get('/v1/takedown-orders/:id/evidence', readers, async (req, res) => {
    const { id } = parseParams(orderParams, req.params);
    const q = parseQuery(evidenceQuery, req.query);
    const principal = principalOf(req);
    const evidence = await buildEvidence(deps, principal, await readOrder(deps.store.models, principal, id));
    await Audit.create({ actor: principal.id, action: 'takedown.evidence', target: `takedown:${id}`, after: { comments: evidence.summary.comments, removed: evidence.summary.removed }, at: deps.now() });
    const html = q.format === 'html' || (q.format === undefined && req.accepts(['application/json', 'text/html']) === 'text/html');
    if (!html) return void res.json(evidence);
    res.type('text/html; charset=utf-8').set('Content-Security-Policy', EVIDENCE_CSP).send(evidenceToHtml(evidence));
  });

  return router;
}

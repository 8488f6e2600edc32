import { Router } from 'express';
import { moderate } from '../moderation';
import { canAccessSite } from '../auth/principal';
import type { AppDepsWithSites } from '../http/app';
import { AppError } from '../errors';
import { principalOf, requireRole } from '../http/middleware/auth';
import { chargeAuthor } from '../http/middleware/rate-limit';
import { parseBody, parseQuery } from '../http/validate';
import { getComment, listComments } from './list-comments';
import { listCommentsQuery, moderateSchema, submitCommentSchema } from './schema';
import { toCommentView, toSubmitResponse } from './serialize';
import { enginePolicy, messageLanguageOf } from './intake/site-settings';
import { submitComment } from './submit-comment';

/** Intake, reading, and the dry run. Thin: each handler calls one use case. */
export function commentRoutes(deps: AppDepsWithSites): Router {
  const router = Router();
  const submitSchema = submitCommentSchema(deps.config.maxTextLength);
  const dryRunSchema = moderateSchema(deps.config.maxTextLength);
  const anyone = requireRole(deps.auth);

  router.post('/v1/comments', requireRole(deps.auth, 'site'), async (req, res) => {
    const input = parseBody(submitSchema, req.body);
    const principal = principalOf(req);
    // after validation: only a well-formed comment costs its author a token
    if (principal.siteIds[0]) chargeAuthor(deps.authorBuckets, principal.siteIds[0], input.author.id);
    const { created, comment } = await submitComment(deps, principal, input);
    res.status(created ? 201 : 200).json(toSubmitResponse(comment));
  });

  router.get('/v1/comments', anyone, async (req, res) => {
    const q = parseQuery(listCommentsQuery, req.query);
    const { items, nextCursor } = await listComments(deps.store.models, principalOf(req), q);
    res.json({ items: items.map(toCommentView), nextCursor });
  });

  router.get('/v1/comments/:id', anyone, async (req, res) => {
    res.json(toCommentView(await getComment(deps.store.models, principalOf(req), String(req.params.id))));
  });

  router.post('/v1/moderate', anyone, async (req, res) => {
    const input = parseBody(dryRunSchema, req.body);
    const principal = principalOf(req);
    let site;
    if (input.siteId) {
      if (!canAccessSite(principal, input.siteId)) throw new AppError('forbidden', `This token may not use site ${input.siteId}.`);
      site = await deps.sites.get(input.siteId);
    }
    // a site's dry run speaks as its intake does: its policy, its message language
    const siteView = site ? { policy: enginePolicy(site), messageLanguage: messageLanguageOf(site) } : {};
    res.json(moderate(deps.rules.current(), input.text, { language: input.language, ...siteView, at: deps.now() }));
  });

  return router;
}

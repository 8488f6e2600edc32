import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { categoryOrFamilySchema } from '../rules/name-schemas';
import { principalOf, requireRole } from '../http/middleware/auth';
import { parseBody } from '../http/validate';
import { createPrincipalToken, createSiteWithToken, newWebhookSecret } from './manage-sites';
import { DEFAULT_SECRET_GRACE_HOURS, rotateWebhookSecret } from './rotate-webhook-secret';
import type { SiteDirectory } from './site-directory';
import { redactUrl, webhookUrlSchema } from './webhook-url';

export const policySchema = z.strictObject({
  preModeration: z.boolean().optional(),
  strictness: z.enum(['lenient', 'standard', 'strict']).optional(),
  /** The language of every reason's message (rule files' and intake's). */
  messageLanguage: z.enum(['id', 'en']).optional(),
  /** A list, not an object: category ids contain dots, which stored keys may not. */
  categoryActions: z
    .array(z.strictObject({ category: categoryOrFamilySchema, action: z.enum(['reject', 'review', 'mask', 'flag', 'approve']) }))
    .max(100)
    .optional(),
  reportThreshold: z.number().int().min(1).max(1000).optional(),
  dueHours: z.number().positive().max(24 * 30).optional(),
  urgentDueHours: z.number().positive().max(24 * 30).optional(),
  reportDueHours: z.number().positive().max(24 * 30).optional(),
  offenderRejections: z.number().int().min(1).max(1000).optional(),
  offenderWindowDays: z.number().positive().max(365).optional(),
});

export const createSiteSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes, 2–63 characters'),
  name: z.string().trim().min(1).max(200),
  webhookUrl: webhookUrlSchema.optional(),
  policy: policySchema.optional(),
});

export const rotateSchema = z.strictObject({ graceHours: z.number().min(0).max(24 * 7).default(DEFAULT_SECRET_GRACE_HOURS) });

export const createPrincipalSchema = z.strictObject({
  role: z.enum(['site', 'moderator', 'admin', 'legal']),
  siteIds: z.array(z.string().min(1).max(100)).max(1000).default([]),
  name: z.string().trim().min(1).max(200).optional(),
});

export const updateSiteSchema = z.strictObject({ name: z.string().trim().min(1).max(200).optional(), webhookUrl: webhookUrlSchema.optional(), policy: policySchema.optional() });

/** Admin routes that create sites and tokens; a token is shown once and stored hashed. */
export function siteRoutes(deps: AppDeps & { sites: SiteDirectory }): Router {
  const router = Router();
  const admin = requireRole(deps.auth, 'admin');
  const { Site, Principal, Audit } = deps.store.models;

  router.post('/v1/sites', admin, async (req, res) => {
    const input = parseBody(createSiteSchema, req.body);
    const created = await createSiteWithToken(deps.store.models, principalOf(req).id, input);
    deps.sites.forget(input.id);
    res.status(201).json(created);
  });

  router.get('/v1/sites/:id', admin, async (req, res) => {
    const site = await Site.findById(String(req.params.id)).lean();
    if (!site) throw new AppError('not_found', `No site ${String(req.params.id)}.`);
    res.json({ id: site._id, name: site.name, webhookUrl: redactUrl(site.webhookUrl), policy: site.policy });
  });

  router.patch('/v1/sites/:id', admin, async (req, res) => {
    const input = parseBody(updateSiteSchema, req.body);
    const id = String(req.params.id);
    const before = await Site.findById(id).lean();
    if (!before) throw new AppError('not_found', `No site ${id}.`);
    const set: Record<string, unknown> = {};
    if (input.name) set.name = input.name;
    if (input.webhookUrl) set.webhookUrl = input.webhookUrl;
    // a site that gets its first webhook needs a signing secret; it is shown once, like a token
    const webhookSecret = input.webhookUrl && !before.webhookSecret ? newWebhookSecret() : undefined;
    if (webhookSecret) set.webhookSecret = webhookSecret;
    for (const [k, v] of Object.entries(input.policy ?? {})) set[`policy.${k}`] = v;
    await Site.updateOne({ _id: id }, { $set: set });
    const after = await Site.findById(id).lean();
    await Audit.create({ actor: principalOf(req).id, action: 'site.update', target: `site:${id}`, siteId: id, before: { name: before.name, webhookUrl: redactUrl(before.webhookUrl), policy: before.policy }, after: input });
    deps.sites.forget(id);
    res.json({ id, name: after?.name, webhookUrl: redactUrl(after?.webhookUrl), ...(webhookSecret ? { webhookSecret } : {}), policy: after?.policy });
  });

  router.post('/v1/sites/:id/webhook-secret', admin, async (req, res) => {
    const input = parseBody(rotateSchema, req.body ?? {});
    const rotated = await rotateWebhookSecret(deps.store.models, { siteId: String(req.params.id), actor: principalOf(req).id, graceHours: input.graceHours, now: deps.now() });
    deps.sites.forget(rotated.id);
    res.json(rotated);
  });

  router.post('/v1/principals', admin, async (req, res) => {
    const input = parseBody(createPrincipalSchema, req.body);
    res.status(201).json(await createPrincipalToken(deps.store.models, principalOf(req).id, input));
  });

  router.delete('/v1/principals/:id', admin, async (req, res) => {
    const id = String(req.params.id);
    const result = await Principal.updateOne({ _id: id, revokedAt: { $exists: false } }, { $set: { revokedAt: deps.now() } });
    if (result.matchedCount === 0) throw new AppError('not_found', `No active token ${id}.`);
    await Audit.create({ actor: principalOf(req).id, action: 'principal.revoke', target: `principal:${id}` });
    deps.auth.forget(id);
    res.status(204).end();
  });

  return router;
}

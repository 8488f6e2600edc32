import { randomBytes } from 'node:crypto';
import { issueToken } from '../auth/tokens';
import type { Role } from '../auth/principal';
import { AppError } from '../errors';
import { isDuplicateKey } from '../store/errors';
import type { Models } from '../store/models';

/**
 * Creating sites and tokens: one story for the admin API and the CLI.
 * Tokens are returned once and stored only as hashes; every action is audited.
 */

/** A new webhook signing secret (shown once, when it is made). */
export function newWebhookSecret(): string {
  return randomBytes(24).toString('base64url');
}

export interface NewSite {
  id: string;
  name: string;
  webhookUrl?: string;
  policy?: Record<string, unknown>;
}

/** Creates a site and its site token; `conflict` when the id is taken. */
export async function createSiteWithToken(models: Models, actor: string, input: NewSite) {
  const { Site, Principal, Audit } = models;
  const webhookSecret = input.webhookUrl ? newWebhookSecret() : undefined;
  try {
    await Site.create({ _id: input.id, name: input.name, webhookUrl: input.webhookUrl, webhookSecret, policy: input.policy ?? {} });
  } catch (err) {
    if (isDuplicateKey(err)) throw new AppError('conflict', `Site ${input.id} already exists.`);
    throw err;
  }
  const issued = issueToken();
  await Principal.create({ _id: issued.id, tokenHash: issued.tokenHash, role: 'site', siteIds: [input.id], name: `${input.id} backend` });
  await Audit.create({ actor, action: 'site.create', target: `site:${input.id}`, siteId: input.id, after: { name: input.name, webhookUrl: input.webhookUrl, policy: input.policy } });
  return { id: input.id, name: input.name, webhookUrl: input.webhookUrl, webhookSecret, token: issued.token, tokenId: issued.id };
}

export interface NewPrincipal {
  role: Role;
  siteIds: string[];
  name?: string;
}

/** Creates a token for a role and existing sites; `validation_failed` names what is wrong. */
export async function createPrincipalToken(models: Models, actor: string, input: NewPrincipal) {
  if (input.role !== 'admin' && input.siteIds.length === 0) throw new AppError('validation_failed', undefined, [{ path: 'siteIds', message: 'a site, moderator or legal token needs at least one site' }]);
  if (input.role === 'site' && input.siteIds.length !== 1) throw new AppError('validation_failed', undefined, [{ path: 'siteIds', message: 'a site token speaks for exactly one site' }]);
  const { Site, Principal, Audit } = models;
  const known = await Site.find({ _id: { $in: input.siteIds } }, { _id: 1 }).lean();
  const missing = input.siteIds.filter((s) => !known.some((k) => k._id === s));
  if (missing.length) throw new AppError('validation_failed', undefined, missing.map((s) => ({ path: 'siteIds', message: `no such site: ${s}` })));
  const issued = issueToken();
  await Principal.create({ _id: issued.id, tokenHash: issued.tokenHash, role: input.role, siteIds: input.siteIds, name: input.name });
  await Audit.create({ actor, action: 'principal.create', target: `principal:${issued.id}`, after: { role: input.role, siteIds: input.siteIds, name: input.name } });
  return { id: issued.id, role: input.role, siteIds: input.siteIds, name: input.name, token: issued.token };
}

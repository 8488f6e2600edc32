import { AppError } from '../errors';
import type { Models } from '../store/models';
import { newWebhookSecret } from './manage-sites';

/** How long the old secret keeps signing deliveries after a rotation, by default (hours). */
export const DEFAULT_SECRET_GRACE_HOURS = 24;

/** What a rotation returns: the new secret (shown once) and until when the old one still signs. */
export interface RotatedSecret {
  id: string;
  webhookSecret: string;
  previousSecretValidUntil: string | null;
}

/**
 * Replaces a site's webhook signing secret. During the grace period every
 * delivery carries two signatures (new, then old), so the site can switch its
 * receiver without a gap; afterwards only the new one. Audited without secrets.
 */
export async function rotateWebhookSecret(models: Pick<Models, 'Site' | 'Audit'>, input: { siteId: string; actor: string; graceHours: number; now: Date }): Promise<RotatedSecret> {
  const site = await models.Site.findById(input.siteId).lean();
  if (!site) throw new AppError('not_found', `No site ${input.siteId}.`);
  if (!site.webhookUrl) throw new AppError('conflict', `Site ${input.siteId} has no webhook URL; set one with PATCH first.`);
  const webhookSecret = newWebhookSecret();
  const until = site.webhookSecret && input.graceHours > 0 ? new Date(input.now.getTime() + input.graceHours * 3_600_000) : undefined;
  const set: Record<string, unknown> = { webhookSecret };
  if (until) Object.assign(set, { previousWebhookSecret: site.webhookSecret, previousSecretUntil: until });
  await models.Site.updateOne({ _id: input.siteId }, until ? { $set: set } : { $set: set, $unset: { previousWebhookSecret: 1, previousSecretUntil: 1 } });
  await models.Audit.create({ actor: input.actor, action: 'site.webhook-secret.rotate', target: `site:${input.siteId}`, siteId: input.siteId, after: { graceHours: input.graceHours, previousSecretValidUntil: until ?? null } });
  return { id: input.siteId, webhookSecret, previousSecretValidUntil: until?.toISOString() ?? null };
}

/** The secrets a delivery is signed with now: the current one, and the previous one inside its grace period. */
export function signingSecrets(site: { webhookSecret?: string | null; previousWebhookSecret?: string | null; previousSecretUntil?: Date | null }, now: Date): string[] {
  const secrets = site.webhookSecret ? [site.webhookSecret] : [];
  if (site.previousWebhookSecret && site.previousSecretUntil && new Date(site.previousSecretUntil).getTime() > now.getTime()) secrets.push(site.previousWebhookSecret);
  return secrets;
}

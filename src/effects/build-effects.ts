import type { EventPayloads, EventType } from '../events/types';
import type { EventEffect, PendingEffect, WebhookEffect } from '../store/effects';
import type { SiteDoc } from '../store/models';
import { WEBHOOK_EVENT } from '../webhooks/payload';
import { effectId } from './effect-ids';

/** Where an effect is written: the document (`_id`) and the revision the fact gives it. */
export interface EffectOrigin {
  hostId: string;
  revision: number;
  at: Date;
}

/** The event that reports a fact, to publish once. */
export function eventEffect<T extends EventType>(origin: EffectOrigin, type: T, data: EventPayloads[T], siteId?: string): EventEffect {
  return { id: effectId(origin.hostId, origin.revision, type), kind: 'event', type, data, ...(siteId ? { siteId } : {}), at: origin.at };
}

/**
 * The webhook of a comment change, when the site has a webhook URL (none otherwise):
 * `comment.final` by default, `comment.withdrawn` for a withdrawal (with its order).
 */
export function webhookEffect(origin: EffectOrigin, site: Pick<SiteDoc, '_id' | 'webhookUrl'> | undefined, opts: { event?: string; takedownOrderId?: string } = {}): WebhookEffect[] {
  if (!site?.webhookUrl) return [];
  const event = opts.event ?? WEBHOOK_EVENT;
  const what = `webhook.${event}${opts.takedownOrderId ? `.${opts.takedownOrderId}` : ''}`;
  return [{ id: effectId(origin.hostId, origin.revision, what), kind: 'webhook', siteId: site._id, commentId: origin.hostId, event, url: site.webhookUrl, ...(opts.takedownOrderId ? { takedownOrderId: opts.takedownOrderId } : {}), at: origin.at }];
}

/** A final status is worth a webhook: `approved` or `rejected` (a `pending` one is not). */
export function isFinalStatus(status: string | undefined | null): boolean {
  return status === 'approved' || status === 'rejected';
}

/**
 * The effect fields of a write: the document's pending effects plus the new ones, and
 * when the oldest was written. Spread into the `$set` of the write that records the fact
 * (under the document's claim), so fact and effects are stored together or not at all.
 */
export function withEffects(host: { effects?: unknown[] | null; effectsAt?: Date | null } | null | undefined, added: PendingEffect[], at: Date): { effects: PendingEffect[]; effectsAt: Date } | Record<string, never> {
  if (added.length === 0) return {};
  const pending = (host?.effects ?? []) as PendingEffect[];
  const effects = [...pending.filter((e) => !added.some((a) => a.id === e.id)), ...added];
  return { effects, effectsAt: host?.effectsAt ?? at };
}

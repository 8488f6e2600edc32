import type { EventLog } from '../events/event-log';
import type { SaringEvent } from '../events/types';
import type { SiteDirectory } from '../sites/site-directory';
import type { Models } from '../store/models';
import { WEBHOOK_EVENT } from './payload';

/**
 * When a comment's status is final, and so worth a webhook:
 * - at intake, `approved` or `rejected` by the engine is final (with
 *   pre-moderation an engine approval is stored as `pending`, which is not);
 * - every moderator decision (`comment.decided`) is final;
 * - an edit (`comment.edited`) moderated again to `approved` or `rejected` is final.
 * A later moderator override of a final status sends another delivery.
 */
export function isFinalEvent(event: SaringEvent): boolean {
  if (event.type === 'comment.decided') return true;
  return (event.type === 'comment.created' || event.type === 'comment.edited') && (event.data.status === 'approved' || event.data.status === 'rejected');
}

/** Records a pending delivery for the comment if its site has a webhook URL. */
export async function enqueueDelivery(models: Models, sites: SiteDirectory, siteId: string, commentId: string, now: Date): Promise<boolean> {
  const site = await sites.get(siteId);
  if (!site?.webhookUrl) return false;
  await models.WebhookDelivery.create({ siteId, commentId, url: site.webhookUrl, event: WEBHOOK_EVENT, attempts: 0, status: 'pending', nextAttemptAt: now });
  return true;
}

/**
 * Enqueues a delivery for every final-status event published by THIS
 * instance (other instances enqueue their own), so each change is queued once.
 * Returns a function that stops listening.
 */
export function enqueueOnFinalStatus(log: EventLog, deps: { models: Models; sites: SiteDirectory; now: () => Date; onError?: (err: unknown) => void; onEnqueued?: () => void }): () => void {
  return log.onEvent((event, origin) => {
    if (origin !== 'local' || !isFinalEvent(event) || !event.siteId) return;
    const commentId = String(event.data.id ?? '');
    if (!commentId) return;
    enqueueDelivery(deps.models, deps.sites, event.siteId, commentId, deps.now()).then(
      (queued) => queued && deps.onEnqueued?.(),
      (err: unknown) => deps.onError?.(err),
    );
  });
}

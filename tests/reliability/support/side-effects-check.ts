import type { Models } from '../../../src/store/models';
import type { ReceivedWebhook } from '../../support/webhook-receiver';
import type { LoadStats } from './submission-load';
import { until } from './submission-load';
import { commentIdFor } from '../../../src/comments/comment-id';

/** The externalIds a load got 200 or 201 for: the comments the service acknowledged. */
export function acknowledged(stats: LoadStats): string[] {
  return stats.attempted.filter((a) => a.statuses.some((s) => s === 200 || s === 201)).map((a) => a.externalId);
}

/** What became of the acknowledged comments of one site: what is missing, what is doubled. */
export interface SideEffectsReport {
  stored: number;
  duplicateComments: string[];
  missingComments: string[];
  missingEvents: string[];
  duplicateEvents: string[];
  missingWebhooks: string[];
}

/** The comment ids the receiver has had a webhook for. */
const hookedIds = (received: ReceivedWebhook[]) => new Set(received.map((h) => String(h.body.comment.id)));

/**
 * Compares the acknowledged comments with what the store and the receiver hold; `explain` also
 * reads the delivery row of each missing webhook (for the final report only: it is one more query).
 */
export async function sideEffectsOf(models: Models, siteId: string, ackedExternalIds: string[], received: ReceivedWebhook[], explain = false): Promise<SideEffectsReport> {
  const comments = await models.Comment.find({ siteId }, { externalId: 1 }).lean();
  const idOf = new Map(comments.map((c) => [c.externalId, String(c._id)]));
  const externalIds = comments.map((c) => c.externalId);
  const events = await models.Event.find({ siteId, type: 'comment.created' }, { data: 1 }).lean();
  const eventCount = new Map<string, number>();
  for (const e of events) {
    const id = String((e.data as { id?: string }).id);
    eventCount.set(id, (eventCount.get(id) ?? 0) + 1);
  }
  const hooked = hookedIds(received);
  const ackedIds = ackedExternalIds.map((x) => ({ x, id: idOf.get(x) }));
  const unhooked = ackedIds.flatMap((a) => (a.id && !hooked.has(a.id) ? [{ x: a.x, id: a.id }] : []));
  // a missing webhook says what its delivery row holds, so a failure explains itself
  const rows = explain && unhooked.length ? await models.WebhookDelivery.find({ commentId: { $in: unhooked.map((a) => a.id) } }).lean() : [];
  const rowOf = new Map(rows.map((r) => [String(r.commentId), r]));
  const describe = (a: { x: string; id: string }) => {
    if (!explain) return a.x;
    const r = rowOf.get(a.id);
    if (!r) return `${a.x} (no delivery row)`;
    const due = r.nextAttemptAt ? ` due ${new Date(r.nextAttemptAt).toISOString()}` : '';
    return `${a.x} (delivery ${r.status}, ${r.attempts} attempts${due}${r.lastError ? `, ${r.lastError}` : ''}${r.lastStatus ? `, HTTP ${r.lastStatus}` : ''})`;
  };
  return {
    stored: comments.length,
    duplicateComments: externalIds.filter((x, i) => externalIds.indexOf(x) !== i),
    missingComments: ackedIds.filter((a) => !a.id).map((a) => a.x),
    missingEvents: ackedIds.filter((a) => a.id && !eventCount.has(a.id)).map((a) => a.x),
    duplicateEvents: [...eventCount].filter(([, n]) => n > 1).map(([id]) => id),
    missingWebhooks: unhooked.map(describe),
  };
}

/**
 * Waits (bounded) until every acknowledged comment has its event and its webhook,
 * and returns the final report; the caller asserts on it, so a failure says what is missing.
 * The store is read once a second, and only until comments and events are complete; the
 * webhooks are then awaited in the receiver's memory. A check that scanned the store every
 * few milliseconds took most of the embedded store's time from the worker it waits for:
 * 5–8 s per check, and the deliveries went out at 5 a second (a CI run gave up after 240 s).
 */
export async function settledSideEffects(models: Models, siteId: string, acked: string[], received: ReceivedWebhook[], timeoutMs: number): Promise<SideEffectsReport> {
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(0, deadline - Date.now());
  const stored = async () => {
    const report = await sideEffectsOf(models, siteId, acked, received);
    return report.missingComments.length === 0 && report.missingEvents.length === 0;
  };
  await until(stored, 'every acknowledged comment stored with its event', left(), 1000).catch(() => undefined);
  const ids = acked.map((x) => commentIdFor(siteId, x));
  const hooked = () => {
    const seen = hookedIds(received);
    return ids.every((id) => seen.has(id));
  };
  await until(hooked, 'every acknowledged comment with its webhook', left()).catch(() => undefined);
  return sideEffectsOf(models, siteId, acked, received, true);
}

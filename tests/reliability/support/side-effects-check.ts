import type { Models } from '../../../src/store/models';
import type { ReceivedWebhook } from '../../support/webhook-receiver';
import type { LoadStats } from './submission-load';
import { until } from './submission-load';

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

/** Compares the acknowledged comments with what the store and the receiver hold. */
export async function sideEffectsOf(models: Models, siteId: string, ackedExternalIds: string[], received: ReceivedWebhook[]): Promise<SideEffectsReport> {
  const comments = await models.Comment.find({ siteId }, { externalId: 1 }).lean();
  const idOf = new Map(comments.map((c) => [c.externalId, String(c._id)]));
  const externalIds = comments.map((c) => c.externalId);
  const events = await models.Event.find({ siteId, type: 'comment.created' }, { data: 1 }).lean();
  const eventCount = new Map<string, number>();
  for (const e of events) {
    const id = String((e.data as { id?: string }).id);
    eventCount.set(id, (eventCount.get(id) ?? 0) + 1);
  }
  const hooked = new Set(received.map((h) => String(h.body.comment.id)));
  const ackedIds = ackedExternalIds.map((x) => ({ x, id: idOf.get(x) }));
  return {
    stored: comments.length,
    duplicateComments: externalIds.filter((x, i) => externalIds.indexOf(x) !== i),
    missingComments: ackedIds.filter((a) => !a.id).map((a) => a.x),
    missingEvents: ackedIds.filter((a) => a.id && !eventCount.has(a.id)).map((a) => a.x),
    duplicateEvents: [...eventCount].filter(([, n]) => n > 1).map(([id]) => id),
    missingWebhooks: ackedIds.filter((a) => a.id && !hooked.has(a.id)).map((a) => a.x),
  };
}

/**
 * Waits (bounded) until every acknowledged comment has its event and its webhook,
 * and returns the final report; the caller asserts on it, so a failure says what is missing.
 */
export async function settledSideEffects(models: Models, siteId: string, acked: string[], received: ReceivedWebhook[], timeoutMs: number): Promise<SideEffectsReport> {
  let report = await sideEffectsOf(models, siteId, acked, received);
  await until(
    async () => {
      report = await sideEffectsOf(models, siteId, acked, received);
      return report.missingEvents.length === 0 && report.missingWebhooks.length === 0 && report.missingComments.length === 0;
    },
    'every acknowledged comment with its event and its webhook',
    timeoutMs,
  ).catch(() => undefined);
  return report;
}

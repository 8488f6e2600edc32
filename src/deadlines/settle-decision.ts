import type { Logger } from 'pino';
import { resolutionOf } from '../compliance/resolutions';
import { recordOutcome } from '../standing/record-outcome';
import type { Store } from '../store/connect';
import type { CommentDoc } from '../store/models';
import { recordResolution } from '../store/resolutions';

/** What a moderator decision clears on the comment: it leaves every queue and its deadline is met. */
export const QUEUE_FIELDS_CLEARED = { dueAt: '', reported: '', urgent: '', queuedAt: '', overdueNotifiedAt: '' } as const;

/** `doc` without the queue fields (the state a decided comment is published with). */
export function withoutQueueFields<T extends object>(doc: T): T {
  const copy = { ...doc } as Record<string, unknown>;
  for (const k of Object.keys(QUEUE_FIELDS_CLEARED)) delete copy[k];
  return copy as T;
}

/**
 * After a moderator decision: record the take-down resolution (queue, due,
 * decided, late or not) for the compliance report, and replace the engine's
 * outcome in the author's standing with the moderator's. Never throws: the
 * decision itself is already stored.
 */
export async function settleDecision(deps: { store: Store; logger: Logger; now: () => Date }, before: CommentDoc, after: CommentDoc, decidedAt: Date): Promise<void> {
  const resolution = resolutionOf(before, after, decidedAt);
  if (resolution) {
    await recordResolution(deps.store.conn, resolution).catch((err: unknown) => deps.logger.warn({ err, commentId: before._id }, 'could not record the resolution'));
  }
  const status = after.status as 'approved' | 'pending' | 'rejected';
  await recordOutcome(deps.store, { siteId: before.siteId, authorId: before.author?.id ?? '', commentId: before._id, status, at: decidedAt }, { now: deps.now }).catch((err: unknown) =>
    deps.logger.warn({ err, commentId: before._id }, 'could not record the author standing'),
  );
}

import type { Logger } from 'pino';
import { toCommentView } from '../comments/serialize';
import { claimKeys, claimLock, releaseLock, withCommentClaim } from '../store/claims';
import type { EventPublisher } from '../events/types';
import type { Metrics } from '../metrics';
import type { Store } from '../store/connect';
import type { CommentDoc } from '../store/models';
import { startPeriodicSweep, type PeriodicSweep } from '../periodic-sweep';
import { updateCommentAtRevision } from '../store/comment-writes';

export interface OverdueDeps {
  store: Store;
  events: EventPublisher;
  metrics?: Metrics;
  logger: Logger;
  /** Injectable clock (tests move it instead of sleeping). */
  now: () => Date;
}

/** Marks one comment overdue, publishes `comment.overdue` and counts it; false when another instance did. */
async function markOverdue(deps: OverdueDeps, doc: CommentDoc, now: Date): Promise<boolean> {
  const dueAt = new Date(doc.dueAt as Date);
  // exactly one instance wins the `_id` insert for this deadline; the marker is swept with old claims
  if (!(await claimLock(deps.store.conn, claimKeys.overdue(doc._id, dueAt), { owner: 'overdue-sweeper', staleMs: 60_000 }))) return false;
  const marked = await withCommentClaim(deps.store, doc._id, 'overdue-sweeper', async (fresh) => {
    if (!fresh.dueAt || new Date(fresh.dueAt).getTime() > now.getTime() || fresh.overdueNotifiedAt) return undefined;
    await updateCommentAtRevision(deps.store.models, fresh, { $set: { overdueNotifiedAt: now } });
    return { ...fresh, overdueNotifiedAt: now } as CommentDoc;
  });
  const comment = marked?.value;
  if (!comment) {
    // not told here (the comment was busy, changed or already told): a later sweep, here or on
    // another instance, may try again; held, the marker kept everyone out until it went stale
    await releaseLock(deps.store.conn, claimKeys.overdue(doc._id, dueAt));
    return false;
  }
  deps.metrics?.overdue.inc({ site: comment.siteId });
  const late = now.getTime() - dueAt.getTime();
  await deps.events
    .publish('comment.overdue', { ...toCommentView(comment), reported: !!comment.reported, urgent: !!comment.urgent, overdueMs: late }, comment.siteId)
    .catch((err: unknown) => deps.logger.warn({ err, commentId: comment._id }, 'could not publish comment.overdue'));
  return true;
}

/**
 * Finds held or reported comments past their deadline that nobody was told
 * about yet, and for each — once, across all instances — sets
 * `overdueNotifiedAt`, publishes `comment.overdue` and increments
 * `saring_comments_overdue_total`. Returns how many it marked.
 */
export async function sweepOverdue(deps: OverdueDeps, batch = 200): Promise<number> {
  const now = deps.now();
  const due = (await deps.store.models.Comment.find({ dueAt: { $lte: now }, overdueNotifiedAt: { $exists: false } })
    .sort({ dueAt: 1 })
    .limit(batch)
    .lean()) as CommentDoc[];
  let marked = 0;
  for (const doc of due) if (await markOverdue(deps, doc, now)) marked += 1;
  return marked;
}

/** A running sweeper; `stop()` waits for the sweep in flight. */
export type OverdueSweeper = PeriodicSweep;

/** Runs {@link sweepOverdue} every `intervalMs` (default 30 s). Started by server.ts. */
export function startOverdueSweeper(deps: OverdueDeps, opts: { intervalMs?: number } = {}): OverdueSweeper {
  return startPeriodicSweep(() => sweepOverdue(deps), { intervalMs: opts.intervalMs ?? 30_000, logger: deps.logger, what: 'overdue sweep failed' });
}

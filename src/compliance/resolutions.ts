import type { Connection } from 'mongoose';
import type { CommentDoc } from '../store/models';

/**
 * One take-down decision on a queued comment: when it entered the held or
 * reported queue, when it was due, when a moderator decided. Kept in its own
 * small collection (`resolutions`, `_id` = comment:revision, insert-only) so
 * the compliance report does not depend on a comment's later history.
 */
export interface Resolution {
  _id: string;
  siteId: string;
  commentId: string;
  queue: 'held' | 'reported';
  urgent: boolean;
  queuedAt: Date;
  dueAt: Date;
  decidedAt: Date;
  status: string;
  overdue: boolean;
}

/** The `resolutions` collection. */
export function resolutionCollection(conn: Connection) {
  return conn.collection<Resolution>('resolutions');
}

/** The resolution of a decision on `before` (undefined when the comment was in no queue). */
export function resolutionOf(before: CommentDoc, after: Pick<CommentDoc, 'status' | 'revision'>, decidedAt: Date): Resolution | undefined {
  if (!before.dueAt) return undefined;
  const dueAt = new Date(before.dueAt);
  return {
    _id: `${before._id}:${after.revision}`,
    siteId: before.siteId,
    commentId: before._id,
    queue: before.reported ? 'reported' : 'held',
    urgent: !!before.urgent,
    queuedAt: new Date(before.queuedAt ?? before.createdAt),
    dueAt,
    decidedAt,
    status: after.status,
    overdue: decidedAt.getTime() > dueAt.getTime(),
  };
}

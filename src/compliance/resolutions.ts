import type { CommentDoc } from '../store/models';
import type { Resolution } from '../store/resolutions';

export type { Resolution } from '../store/resolutions';

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

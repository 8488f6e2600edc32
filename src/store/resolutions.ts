import type { Connection } from 'mongoose';
import { isDuplicateKey } from './errors';

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

function resolutionCollection(conn: Connection) {
  return conn.collection<Resolution>('resolutions');
}

/** Records a resolution once: a second record of the same decision (a retry) is not an error. */
export async function recordResolution(conn: Connection, resolution: Resolution): Promise<void> {
  try {
    await resolutionCollection(conn).insertOne(resolution);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
}

/** The resolutions decided in `[from, to)`, on `siteIds` (every site when absent). */
export async function findResolutions(conn: Connection, q: { siteIds?: string[]; from: Date; to: Date }): Promise<Resolution[]> {
  const site = q.siteIds ? { siteId: { $in: q.siteIds } } : {};
  return resolutionCollection(conn)
    .find({ ...site, decidedAt: { $gte: q.from, $lt: q.to } })
    .toArray() as Promise<Resolution[]>;
}

import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../store/errors';

interface LockDoc {
  _id: string;
  owner: string;
  at: Date;
}

/** The collection of claim documents (`locks`). */
export function lockCollection(conn: Connection) {
  return conn.collection<LockDoc>('locks');
}

/**
 * Claims `key` by inserting a document with `_id: key`. The `_id` uniqueness
 * is the one atomic check both MongoDB and FerretDB give: updates and `$inc`
 * are read-then-write on FerretDB, so a compare-and-set on a field is not
 * safe there, but exactly one insert of an `_id` succeeds. A claim older than
 * `staleMs` (its holder crashed) may be broken and claimed again.
 * @example
 * if (await claimLock(conn, `decision:${id}:${revision}`, { owner: moderator })) { ... }
 */
export async function claimLock(conn: Connection, key: string, opts: { owner: string; staleMs?: number; now?: () => Date }): Promise<boolean> {
  const locks = lockCollection(conn);
  const now = opts.now ?? (() => new Date());
  for (let tries = 0; tries < 2; tries += 1) {
    try {
      await locks.insertOne({ _id: key, owner: opts.owner, at: now() });
      return true;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const held = await locks.findOne({ _id: key });
    const stale = held && held.at.getTime() < now().getTime() - (opts.staleMs ?? 30_000);
    if (!stale) return false;
    await locks.deleteOne({ _id: key, at: held.at });
  }
  return false;
}

/** Releases a claim (best effort: a left-over claim only blocks until it is stale, or until swept). */
export async function releaseLock(conn: Connection, key: string): Promise<void> {
  await lockCollection(conn).deleteOne({ _id: key }).catch(() => undefined);
}

/** Deletes claims older than `olderThan` (left behind by crashed holders). */
export async function pruneLocks(conn: Connection, olderThan: Date): Promise<number> {
  const res = await lockCollection(conn).deleteMany({ at: { $lt: olderThan } });
  return res.deletedCount;
}

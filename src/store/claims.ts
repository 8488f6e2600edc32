import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection } from 'mongoose';
import type { Store } from './connect';
import { isDuplicateKey } from './errors';
import type { CommentDoc } from './models';

/**
 * Claims: the one atomic step both MongoDB and FerretDB give is the insert of
 * an `_id` (updates and `$inc` are read-then-write on FerretDB, so a
 * compare-and-set on a field is not safe there). Every read-modify-write of a
 * shared document goes through a claim document in `locks`, whose key this
 * file names: one function per kind of claim, so two writers of the same
 * thing cannot spell its key two ways.
 */

interface LockDoc {
  _id: string;
  owner: string;
  at: Date;
}

/** The keys of claims; each is the whole spelling of its kind. */
export const claimKeys = {
  /**
   * A comment at one revision: held by a moderator decision and by every other
   * writer of the comment (report, withdrawal, edit, erasure, overdue sweep), so
   * none interleaves with another. The `decision:` prefix is kept so instances
   * of an older version still exclude each other from the same comment.
   */
  commentRevision: (commentId: string, revision: number) => `decision:${commentId}:${revision}`,
  /** The standing document of one author on one site (`site:author`). */
  author: (standingId: string) => `author:${standingId}`,
  /** One take-down order. */
  takedownOrder: (orderId: string) => `takedown:${orderId}`,
  /** The overdue marker of one deadline: once per comment and due time, across instances. */
  overdue: (commentId: string, dueAt: Date) => `overdue:${commentId}:${dueAt.getTime()}`,
  /** One attempt of one webhook delivery: two instances never send the same attempt. */
  webhookAttempt: (deliveryId: string, attempt: number) => `webhook:${deliveryId}:${attempt}`,
} as const;

/**
 * Who holds a claim, as written in its `owner`. A moderator's decision is the
 * one holder a decision must not wait for (its author would overwrite it);
 * every other holder of a comment's claim is a short background write.
 */
export const claimOwners = {
  decision: (principalId: string) => `decision:${principalId}`,
  isDecision: (owner: string) => owner.startsWith('decision:'),
} as const;

/** The owner of the claim `key`, undefined when nobody holds it. */
export async function claimHolder(conn: Connection, key: string): Promise<string | undefined> {
  return (await lockCollection(conn).findOne({ _id: key }))?.owner;
}

/** The collection of claim documents (`locks`). */
export function lockCollection(conn: Connection) {
  return conn.collection<LockDoc>('locks');
}

/**
 * Claims `key` by inserting a document with `_id: key`; exactly one insert of
 * an `_id` succeeds. A claim older than `staleMs` (its holder crashed) may be
 * broken and claimed again.
 * @example
 * if (await claimLock(conn, claimKeys.takedownOrder(id), { owner: 'takedown' })) { ... }
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

/**
 * A claim taken with group commit (under a burst of intake many claims share one
 * insertMany); when it is held, the usual claim decides (it breaks a stale one).
 */
export async function claimGrouped(store: Store, key: string, opts: { owner: string; staleMs: number }): Promise<boolean> {
  try {
    await store.insertBatched('locks', { _id: key, owner: opts.owner, at: new Date() });
    return true;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  return claimLock(store.conn, key, opts);
}

/** Releases a claim (best effort: a left-over claim only blocks until it is stale, or until swept). */
export async function releaseLock(conn: Connection, key: string): Promise<void> {
  await lockCollection(conn).deleteOne({ _id: key }).catch(() => undefined);
}

/** Deletes the named claims and every claim held by one of `owners` (an erased author's claims must not keep their id). */
export async function deleteClaims(conn: Connection, which: { keys: string[]; owners: string[] }): Promise<void> {
  await lockCollection(conn).deleteMany({ $or: [{ _id: { $in: which.keys } }, { owner: { $in: which.owners } }] });
}

/** Deletes claims older than `olderThan` (left behind by crashed holders). */
export async function pruneLocks(conn: Connection, olderThan: Date): Promise<number> {
  const res = await lockCollection(conn).deleteMany({ at: { $lt: olderThan } });
  return res.deletedCount;
}

export interface ClaimOptions {
  owner: string;
  staleMs: number;
  /** Claim attempts before giving up, with a short growing jittered pause between them. */
  tries: number;
}

/**
 * Runs `run` while holding the claim `key`, waiting for it up to `tries`
 * attempts; releases it afterwards. Undefined when the claim could not be had
 * (the caller decides what that means: a 409, an error, try later).
 *
 * @example
 * const done = await withClaim(store.conn, claimKeys.author(id), { owner: 'standing', staleMs: 10_000, tries: 60 }, () => write());
 */
export async function withClaim<T>(conn: Connection, key: string, opts: ClaimOptions, run: () => Promise<T>): Promise<{ value: T } | undefined> {
  for (let attempt = 0; attempt < opts.tries; attempt += 1) {
    if (await claimLock(conn, key, { owner: opts.owner, staleMs: opts.staleMs })) {
      try {
        return { value: await run() };
      } finally {
        await releaseLock(conn, key);
      }
    }
    await sleep(2 + Math.floor(Math.random() * 8) + attempt);
  }
  return undefined;
}

/**
 * Runs `write` on a comment while holding the claim of its current revision
 * (the one a moderator decision holds), so a report, a withdrawal or the
 * overdue sweep never interleaves with a decision. FerretDB rewrites the whole
 * document on every update, so two unguarded writers would undo each other's
 * fields. The comment is re-read under the claim; when its revision moved on
 * we start over. Claims use the wall clock, like the decisions' (a test clock
 * would make them look stale to other holders). Undefined when the comment
 * does not exist, or when the claim could not be had after `tries`.
 */
export async function withCommentClaim<T>(
  store: Store,
  id: string,
  owner: string,
  write: (fresh: CommentDoc) => Promise<T>,
  opts: { tries?: number } = {},
): Promise<{ value: T } | undefined> {
  const tries = opts.tries ?? 40;
  for (let attempt = 0; attempt < tries; attempt += 1) {
    const seen = (await store.models.Comment.findById(id).lean()) as CommentDoc | null;
    if (!seen) return undefined;
    const key = claimKeys.commentRevision(id, seen.revision);
    if (await claimLock(store.conn, key, { owner, staleMs: 10_000 })) {
      try {
        const fresh = (await store.models.Comment.findById(id).lean()) as CommentDoc | null;
        if (!fresh) return undefined;
        if (fresh.revision === seen.revision) return { value: await write(fresh) };
      } finally {
        await releaseLock(store.conn, key);
      }
    }
    await sleep(3 + Math.floor(Math.random() * 10) + attempt);
  }
  return undefined;
}

import { setTimeout as sleep } from 'node:timers/promises';
import { claimLock, releaseLock } from '../decisions/claim-lock';
import type { Store } from '../store/connect';
import type { CommentDoc } from '../store/models';

/**
 * Runs `write` on a comment while holding the claim a moderator decision
 * holds (`decision:<id>:<revision>`), so a report, a withdrawal or the
 * overdue sweep never interleaves with a decision. FerretDB rewrites the whole
 * document on every update, so two unguarded writers would undo each other's
 * fields. The comment is re-read under the claim; when its revision moved on
 * we start over. Claims use the wall clock, like the decisions' (a test
 * clock would make them look stale to other holders). Returns undefined when the comment does not exist, or when
 * the claim could not be had after `tries` (the caller decides what that means).
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
    const key = `decision:${id}:${seen.revision}`;
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

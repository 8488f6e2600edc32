import { setTimeout as sleep } from 'node:timers/promises';
import { claimLock, releaseLock } from '../decisions/claim-lock';
import type { Store } from '../store/connect';
import type { PendingEffect } from '../store/effects';
import type { AuthorDoc } from '../store/models';

/** The fields of a standing document a writer may change (with the side effects the change implies, src/effects/). */
export type AuthorPatch = Partial<Pick<AuthorDoc, 'history' | 'bannedUntil' | 'banReason'>> & { effects?: PendingEffect[]; effectsAt?: Date };

/**
 * Read-modify-write of one `authors` document under a claim
 * (`author:<site:author>`). Measured on FerretDB 1.24: 50 concurrent `$push`
 * to one document keep 4 entries, 50 concurrent compare-and-set updates on a
 * revision let 6 win — every update rewrites the whole document. The `_id`
 * insert of the claim is the one atomic step, so all writers of a standing
 * go through it; a missing document is inserted while the claim is held.
 * `mutate` gets the current document (or null) and returns the new fields,
 * or undefined to write nothing. Throws when the claim cannot be had.
 */
export async function updateAuthor(store: Store, key: { siteId: string; authorId: string; id: string }, mutate: (doc: AuthorDoc | null) => AuthorPatch | undefined, opts: { tries?: number; now: () => Date }): Promise<AuthorDoc | null> {
  const lock = `author:${key.id}`;
  const { Author } = store.models;
  for (let attempt = 0; attempt < (opts.tries ?? 60); attempt += 1) {
    if (await claimLock(store.conn, lock, { owner: 'standing', staleMs: 10_000 })) {
      try {
        const doc = (await Author.findById(key.id).lean()) as AuthorDoc | null;
        const patch = mutate(doc);
        if (!patch) return doc;
        const now = opts.now();
        if (!doc) {
          const fresh = { _id: key.id, siteId: key.siteId, authorId: key.authorId, history: [], ...patch, createdAt: now, updatedAt: now, revision: 0 };
          await Author.collection.insertOne(fresh as never);
          return fresh as unknown as AuthorDoc;
        }
        const unset = Object.entries(patch).filter(([, v]) => v === undefined).map(([k]) => k);
        const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        await Author.collection.updateOne({ _id: key.id } as never, { $set: { ...set, updatedAt: now, revision: ((doc as { revision?: number }).revision ?? 0) + 1 }, ...(unset.length ? { $unset: Object.fromEntries(unset.map((k) => [k, 1])) } : {}) });
        return { ...doc, ...patch } as AuthorDoc;
      } finally {
        await releaseLock(store.conn, lock);
      }
    }
    await sleep(2 + Math.floor(Math.random() * 8) + attempt);
  }
  throw new Error(`could not claim the standing of ${key.id}`);
}

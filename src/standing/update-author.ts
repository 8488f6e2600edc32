import { claimKeys, withClaim } from '../store/claims';
import type { Store } from '../store/connect';
import type { PendingEffect } from '../store/effects';
import type { AuthorDoc } from '../store/models';
import { insertOnce, updateFields } from '../store/documents';

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
  const { Author } = store.models;
  const done = await withClaim(store.conn, claimKeys.author(key.id), { owner: 'standing', staleMs: 10_000, tries: opts.tries ?? 60 }, async () => {
    const doc = (await Author.findById(key.id).lean()) as AuthorDoc | null;
    const patch = mutate(doc);
    if (!patch) return doc;
    const now = opts.now();
    if (!doc) {
      const fresh = { _id: key.id, siteId: key.siteId, authorId: key.authorId, history: [], ...patch, createdAt: now, updatedAt: now, revision: 0 };
      // under the claim nobody else inserts it: a duplicate means a writer skipped the claim
      if (!(await insertOnce(Author, fresh))) throw new Error(`the standing ${key.id} appeared while it was claimed`);
      return fresh as unknown as AuthorDoc;
    }
    const unset = Object.entries(patch).filter(([, v]) => v === undefined).map(([k]) => k);
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    await updateFields(Author, key.id, { $set: { ...set, updatedAt: now, revision: ((doc as { revision?: number }).revision ?? 0) + 1 }, ...(unset.length ? { $unset: Object.fromEntries(unset.map((k) => [k, 1])) } : {}) });
    return { ...doc, ...patch } as AuthorDoc;
  });
  if (done) return done.value;
  throw new Error(`could not claim the standing of ${key.id}`);
}

import type { Store } from './connect';
import type { AuthorDoc } from './models';

/**
 * The two store operations of every comment's intake, group-committed with the
 * other comments in flight (src/store/batch-insert.ts, batch-find.ts): the
 * collection names are spelled here, not by the use cases.
 */

/** Inserts a new comment (with its pending effects); throws a duplicate-key error when its `_id` is taken (a retry, an edit). */
export function insertComment(store: Pick<Store, 'insertBatched'>, doc: { _id: string } & Record<string, unknown>): Promise<void> {
  return store.insertBatched('comments', doc);
}

/** The standing document of one author on one site (`site:author`), or null when the author has none. */
export async function readStanding(store: Pick<Store, 'findByIdBatched'>, key: string): Promise<AuthorDoc | null> {
  return (await store.findByIdBatched('authors', key)) as AuthorDoc | null;
}

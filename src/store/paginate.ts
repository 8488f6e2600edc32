import type { QueryFilter } from 'mongoose';
import { decodeCursor, encodeCursor } from './cursor';

/** One page of a list and the cursor of the next (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** How a list is paged: by a date field and `_id` (a stable tie-break), in one direction. */
export interface PageOrder {
  /** The date field the list is sorted on. */
  field: 'createdAt' | 'dueAt';
  direction: 'asc' | 'desc';
  /** The sort key of a document without the field (e.g. an undated queue entry sorts last). */
  missing?: number;
}

/** Runs one page's query: the model's `find(filter).sort(sort).limit(limit).lean()`. */
export type PageReader<T> = (filter: QueryFilter<T>, sort: Record<string, 1 | -1>, limit: number) => Promise<T[]>;

/** A reader over a mongoose model's lean documents. */
export function readerOf<T>(model: { find(filter: QueryFilter<T>): { sort(s: Record<string, 1 | -1>): { limit(n: number): { lean(): PromiseLike<unknown> } } } }): PageReader<T> {
  return async (filter, sort, limit) => (await model.find(filter).sort(sort).limit(limit).lean()) as T[];
}

/**
 * Keyset pagination on (field, _id): the page after the cursor's `[key, id]`,
 * strictly after it even when keys tie, so every document of a long list is
 * reachable and none is listed twice. Reads `limit + 1` to know whether there
 * is a next page. `filter` must be an object the `$and` can be added to.
 *
 * @example
 * const page = await findPage(readerOf<CommentDoc>(models.Comment), { siteId: 'a' }, { field: 'createdAt', direction: 'desc' }, { limit: 50, cursor });
 */
export async function findPage<T extends { _id: string }>(read: PageReader<T>, filter: QueryFilter<T>, order: PageOrder, page: { limit: number; cursor?: string }): Promise<Page<T>> {
  const { field, direction } = order;
  const after = direction === 'asc' ? '$gt' : '$lt';
  const query: QueryFilter<T> = { ...filter };
  if (page.cursor) {
    const [key, id] = decodeCursor(page.cursor);
    const at = new Date(key);
    const past = { $or: [{ [field]: { [after]: at } }, { [field]: at, _id: { [after]: id } }] } as QueryFilter<T>;
    query.$and = [...((filter.$and as QueryFilter<T>[] | undefined) ?? []), past];
  }
  const sign = direction === 'asc' ? 1 : -1;
  const docs = await read(query, { [field]: sign, _id: sign }, page.limit + 1);
  const items = docs.slice(0, page.limit);
  const last = items[items.length - 1];
  const keyOf = (doc: T) => {
    const value = (doc as Record<string, unknown>)[field];
    return value ? new Date(value as Date).getTime() : (order.missing ?? 0);
  };
  return { items, nextCursor: docs.length > page.limit && last ? encodeCursor(keyOf(last), last._id) : null };
}

import { Schema, type Connection } from 'mongoose';
import { findPage, readerOf, type PageOrder } from '../../src/store/paginate';
import { connectTestDb, closeTestDb } from '../support/db';

/** The one keyset pagination helper (src/store/paginate.ts) that the comment list and the queues share. */

interface Row {
  _id: string;
  createdAt?: Date;
  dueAt?: Date;
}

describe('findPage', () => {
  let conn: Connection;
  let read: ReturnType<typeof readerOf<Row>>;
  const t = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
  // ties on purpose (three rows share a minute); two rows have no deadline and stay out of the dueAt list
  const rows: Row[] = [
    { _id: 'a', createdAt: t(1), dueAt: t(5) },
    { _id: 'b', createdAt: t(2), dueAt: t(5) },
    { _id: 'c', createdAt: t(2), dueAt: t(5) },
    { _id: 'd', createdAt: t(2), dueAt: t(1) },
    { _id: 'e', createdAt: t(3) },
    { _id: 'f', createdAt: t(4) },
    { _id: 'g', createdAt: t(0), dueAt: t(9) },
  ];

  beforeAll(async () => {
    conn = await connectTestDb('paginate');
    const model = conn.model<Row>('Row', new Schema<Row>({ _id: String, createdAt: Date, dueAt: Date }, { versionKey: false }));
    await model.insertMany(rows);
    read = readerOf<Row>(model);
  });
  afterAll(() => closeTestDb(conn));

  async function walk(order: PageOrder, limit: number, filter = {}): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await findPage(read, filter, order, { limit, cursor });
      pages.push(page.items.map((r) => r._id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages.length < 20);
    return pages;
  }

  it.each([
    ['newest first on createdAt, ties by _id', { field: 'createdAt', direction: 'desc' } as PageOrder, [['f', 'e'], ['d', 'c'], ['b', 'a'], ['g']]],
    ['soonest first on dueAt, ties by _id', { field: 'dueAt', direction: 'asc', missing: 8.64e15 } as PageOrder, [['d', 'a'], ['b', 'c'], ['g']]],
  ])('when a list is paged %s, then every row comes once, in order', async (_name, order, expected) => {
    const filter = order.field === 'dueAt' ? { dueAt: { $exists: true } } : {};
    expect(await walk(order, 2, filter)).toEqual(expected);
  });

  it('when a page is the last, then its cursor is null (no empty page follows)', async () => {
    const page = await findPage(read, {}, { field: 'createdAt', direction: 'desc' }, { limit: rows.length });
    expect(page.items).toHaveLength(rows.length);
    expect(page.nextCursor).toBeNull();
  });

  it('when the filter has an $and of its own, then the cursor adds to it instead of replacing it', async () => {
    const filter = { $and: [{ _id: { $in: ['a', 'b', 'c', 'd'] } }] };
    expect(await walk({ field: 'createdAt', direction: 'desc' }, 3, filter)).toEqual([['d', 'c', 'b'], ['a']]);
  });
});

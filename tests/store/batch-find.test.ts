import type mongoose from 'mongoose';
import { BatchFinder } from '../../src/store/batch-find';
import { connectTestDb, closeTestDb } from '../support/db';

describe('batched reads by _id on the real store', () => {
  let conn: mongoose.Connection;
  beforeAll(async () => {
    conn = await connectTestDb('batchfind');
    await conn.db!.collection('docs').insertMany(Array.from({ length: 30 }, (_, i) => ({ _id: `k${i}` as never, i })));
  });
  afterAll(() => closeTestDb(conn));

  it('when many lookups arrive at once, then each gets its own document or null, duplicates included', async () => {
    const finder = new BatchFinder(() => conn.db!.collection('docs'), 7);
    const ids = ['k1', 'missing', 'k29', 'k1', ...Array.from({ length: 20 }, (_, i) => `k${i}`)];
    const docs = await Promise.all(ids.map((id) => finder.findById(id)));
    expect(docs.map((d) => (d ? d.i : null))).toEqual([1, null, 29, 1, ...Array.from({ length: 20 }, (_, i) => i)]);
  });

  it('when the store fails, then every waiting lookup gets the error', async () => {
    const finder = new BatchFinder(() => {
      throw new Error('store gone');
    });
    await expect(Promise.all([finder.findById('a'), finder.findById('b')])).rejects.toThrow('store gone');
  });
});

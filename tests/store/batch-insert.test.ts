import { BatchInserter } from '../../src/store/batch-insert';
import { isDuplicateKey } from '../../src/store/errors';
import { connectTestDb, closeTestDb } from '../support/db';
import type mongoose from 'mongoose';

describe('group-commit inserts on the real store', () => {
  let conn: mongoose.Connection;
  beforeAll(async () => {
    conn = await connectTestDb('batch');
  });
  afterAll(() => closeTestDb(conn));

  it('when 200 inserts arrive at once, then all are stored and each caller is answered', async () => {
    const inserter = new BatchInserter(() => conn.db!.collection('many'), 50);
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => inserter.insert({ _id: `d${i}` as never, i })));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(await conn.db!.collection('many').countDocuments()).toBe(200);
  });

  it('when some documents in a batch are duplicates, then only those callers get a duplicate-key error', async () => {
    const coll = conn.db!.collection('dups');
    await coll.insertOne({ _id: 'taken' as never });
    const inserter = new BatchInserter(() => coll);
    const ids = ['a', 'taken', 'b', 'a', 'c'];
    const results = await Promise.allSettled(ids.map((id) => inserter.insert({ _id: id as never })));
    const outcome = results.map((r) => (r.status === 'fulfilled' ? 'ok' : isDuplicateKey(r.reason) ? 'dup' : 'other'));
    expect(outcome).toEqual(['ok', 'dup', 'ok', 'dup', 'ok']);
    expect((await coll.find().toArray()).map((d) => d._id).sort()).toEqual(['a', 'b', 'c', 'taken']);
  });

  it('when the store refuses the whole batch, then every caller gets the error', async () => {
    const failing = new BatchInserter(() => {
      throw new Error('store gone');
    });
    await expect(Promise.all([failing.insert({ _id: 'x' }), failing.insert({ _id: 'y' })])).rejects.toThrow('store gone');
  });
});

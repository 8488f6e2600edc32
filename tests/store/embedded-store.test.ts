import { connectTestDb, closeTestDb } from '../support/db';

describe('the embedded store', () => {
  it('when a document is inserted over the wire, then it can be read back', async () => {
    const conn = await connectTestDb('smoke');
    try {
      await conn.collection('smoke').insertOne({ _id: 'a' as never, n: 1 });
      const doc = await conn.collection('smoke').findOne({ _id: 'a' as never });
      expect(doc).toEqual({ _id: 'a', n: 1 });
      await expect(conn.collection('smoke').insertOne({ _id: 'a' as never, n: 2 })).rejects.toMatchObject({ code: 11000 });
    } finally {
      await closeTestDb(conn);
    }
  });
});

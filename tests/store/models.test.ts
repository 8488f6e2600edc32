import { connectStore, type Store } from '../../src/store/connect';
import { testMongoUrl } from '../support/db';

describe('models on the real store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await connectStore(testMongoUrl(), { dbName: `saring_models_${process.pid}` });
  });
  afterAll(async () => {
    await store.close(); // the database stays: see closeTestDb in tests/support/db.ts
  });

  it('when the models are initialised, then every index is created and (site, externalId) is unique', async () => {
    const { Comment } = store.models;
    const base = { siteId: 's', articleId: 'a', author: { id: 'u', name: 'U' }, text: 't', status: 'approved' as const };
    await Comment.create({ _id: 'c1', externalId: 'e1', ...base });
    await expect(Comment.create({ _id: 'c2', externalId: 'e1', ...base })).rejects.toMatchObject({ code: 11000 });
    const names = (await Comment.collection.indexes()).map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['siteId_1_externalId_1', 'status_1_siteId_1_createdAt_-1']));
  });

  it('when pinged, then the store answers', async () => {
    expect(await store.ping()).toBe(true);
  });
});

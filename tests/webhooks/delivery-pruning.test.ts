import { insertDeliveryOnce, pruneDeliveries } from '../../src/store/deliveries';
import { startWebhookWorker } from '../../src/webhooks/webhook-worker';
import { buildTestApp, type TestApp } from '../support/app';
import { waitUntil } from '../support/wait';

const DAY = 86_400_000;

describe('webhook delivery retention', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'prune' });
  });
  afterAll(() => t.close());

  /** Queues a delivery, then gives it a status and a last-touched time `ageDays` ago. */
  const aDelivery = async (id: string, status: 'pending' | 'delivered' | 'failed', ageDays: number) => {
    const at = new Date(Date.now() - ageDays * DAY);
    // far in the future when pending: the worker must not try them (nothing listens on the URL)
    await insertDeliveryOnce(t.store, { _id: id, siteId: 'site-p', commentId: `c-${id}`, event: 'comment.final', url: 'http://127.0.0.1:9/x', at });
    await t.store.models.WebhookDelivery.collection.updateOne({ _id: id } as never, { $set: { status, updatedAt: at, nextAttemptAt: new Date(Date.now() + 3_600_000) } });
  };
  const ids = async () => (await t.store.models.WebhookDelivery.find({}, { _id: 1 }).lean()).map((d) => String(d._id)).sort();

  it('when delivered and failed deliveries are older than the retention, then pruning deletes them and keeps pending ones of any age and recent ones', async () => {
    await aDelivery('old-delivered', 'delivered', 10);
    await aDelivery('old-failed', 'failed', 8);
    await aDelivery('old-pending', 'pending', 30);
    await aDelivery('new-delivered', 'delivered', 1);
    await aDelivery('new-failed', 'failed', 0);
    expect(await pruneDeliveries(t.store, new Date(Date.now() - 7 * DAY))).toBe(2);
    expect(await ids()).toEqual(['new-delivered', 'new-failed', 'old-pending']);
    // pruning again finds nothing more
    expect(await pruneDeliveries(t.store, new Date(Date.now() - 7 * DAY))).toBe(0);
  });

  it('when the worker starts with a retention of days, then it prunes on its own', async () => {
    await aDelivery('w-old', 'delivered', 3);
    await aDelivery('w-new', 'delivered', 1);
    const worker = startWebhookWorker({ store: t.store }, { retentionDays: 2, pollMs: 50 });
    try {
      await waitUntil(async () => !(await ids()).includes('w-old'), { what: 'the old delivery pruned', timeoutMs: 10_000 });
      expect(await ids()).toContain('w-new');
      expect(await ids()).toContain('old-pending');
    } finally {
      await worker.stop();
    }
  });

  it('when the same delivery is queued twice (a relay run again), then it is stored once', async () => {
    const at = new Date();
    const first = await insertDeliveryOnce(t.store, { _id: 'twice', siteId: 'site-p', commentId: 'c-twice', event: 'comment.final', url: 'http://127.0.0.1:9/x', at });
    const second = await insertDeliveryOnce(t.store, { _id: 'twice', siteId: 'site-p', commentId: 'c-twice', event: 'comment.final', url: 'http://127.0.0.1:9/x', at });
    expect([first, second]).toEqual([true, false]);
    expect(await t.store.models.WebhookDelivery.countDocuments({ commentId: 'c-twice' })).toBe(1);
  });
});

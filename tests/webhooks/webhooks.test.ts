import request from 'supertest';
import { ADMIN_TOKEN, createPrincipal, createSite } from '../support/app';
import { aHeldComment, anInnocentComment } from '../support/held';
import { startLiveInstance, type LiveInstance } from '../support/live';
import { waitUntil } from '../support/wait';
import { startReceiver } from '../support/webhook-receiver';

describe('webhooks to the site when a status becomes final', () => {
  let a: LiveInstance;
  const secrets: Record<string, string | undefined> = {};
  let counter = 0;
  beforeAll(async () => {
    a = await startLiveInstance({ label: 'webhooks', jobs: { webhookWorker: { pollMs: 20, backoffBaseMs: 40, backoffMaxMs: 200, timeoutMs: 300, maxAttempts: 4 } } });
  });
  afterAll(() => a.close());

  /** A new site whose webhook points at a fresh receiver answering with `respond`. */
  const siteWithReceiver = async (respond?: (n: number) => number | 'hang') => {
    const id = `site-${(counter += 1)}`;
    const receiver = await startReceiver(() => secrets[id], respond);
    const created = await createSite(a.app, id, { webhookUrl: receiver.url });
    secrets[id] = created.webhookSecret;
    const moderator = await createPrincipal(a.app, 'moderator', [id]);
    return { id, token: created.token, moderator, receiver };
  };
  const deliveriesOf = (commentId: string) => a.store.models.WebhookDelivery.find({ commentId }).lean();

  it('when the engine approves a comment, then the site receives it signed, and the delivery is recorded as delivered', async () => {
    const s = await siteWithReceiver();
    const c = await a.submit(s.token, anInnocentComment());
    const hook = await waitUntil(() => s.receiver.received[0], { what: 'a webhook' });
    expect(hook.signatureValid).toBe(true);
    expect(hook.headers['content-type']).toBe('application/json');
    expect(hook.body).toMatchObject({ type: 'comment.final', comment: { id: c.id, siteId: s.id, status: 'approved', revision: 0 } });
    const [delivery] = await waitUntil(async () => ((await deliveriesOf(c.id))[0]?.status === 'delivered' ? deliveriesOf(c.id) : undefined));
    expect(delivery).toMatchObject({ attempts: 1, lastStatus: 200, url: s.receiver.url });
    expect(hook.headers['saring-delivery']).toBe(String(delivery?._id));
    await s.receiver.close();
  });

  it('when a comment is held, then nothing is sent until a moderator rejects it, and then the site gets the rejection', async () => {
    const s = await siteWithReceiver();
    const c = await a.submit(s.token, aHeldComment());
    expect(await deliveriesOf(c.id)).toHaveLength(0);
    const res = await request(a.app).post(`/v1/comments/${c.id}/decision`).set('Authorization', `Bearer ${s.moderator}`).send({ status: 'rejected', note: 'ancaman' });
    expect(res.status).toBe(200);
    const hook = await waitUntil(() => s.receiver.received[0], { what: 'a webhook' });
    expect(hook.signatureValid).toBe(true);
    expect(hook.body.comment).toMatchObject({ id: c.id, status: 'rejected', revision: 1, decision: { action: 'reject', note: 'ancaman' } });
    await s.receiver.close();
  });

  it('when the receiver fails twice, then the delivery is retried with backoff and succeeds on the third attempt', async () => {
    const s = await siteWithReceiver((n) => (n <= 2 ? 503 : 200));
    const c = await a.submit(s.token, anInnocentComment());
    const [delivery] = await waitUntil(async () => ((await deliveriesOf(c.id))[0]?.status === 'delivered' ? deliveriesOf(c.id) : undefined), { what: 'delivered' });
    expect(delivery).toMatchObject({ attempts: 3, lastStatus: 200 });
    expect(delivery?.lastError).toBeUndefined();
    expect(s.receiver.received.map((r) => r.signatureValid)).toEqual([true, true, true]);
    expect(new Set(s.receiver.received.map((r) => r.headers['saring-delivery'])).size).toBe(1);
    await s.receiver.close();
  });

  it('when the receiver never answers, then intake still answers at once and the delivery fails after its attempts with a timeout', async () => {
    const s = await siteWithReceiver(() => 'hang');
    const started = Date.now();
    const c = await a.submit(s.token, anInnocentComment());
    expect(Date.now() - started).toBeLessThan(1000);
    const [delivery] = await waitUntil(async () => ((await deliveriesOf(c.id))[0]?.status === 'failed' ? deliveriesOf(c.id) : undefined), { timeoutMs: 8000, what: 'failed' });
    expect(delivery).toMatchObject({ attempts: 4, lastError: expect.stringMatching(/timed out/) });
    await s.receiver.close();
  });

  it('when a ministry take-down order withdraws a published comment, then the site gets comment.withdrawn, signed, with the comment pending and the order it answers', async () => {
    const s = await siteWithReceiver();
    const c = await a.submit(s.token, anInnocentComment());
    await waitUntil(() => s.receiver.received.find((h) => h.body.type === 'comment.final'), { what: 'the approval' });
    const order = await request(a.app).post('/v1/takedown-orders').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ orderNumber: `WH-${s.id}`, issuer: 'Komdigi', urgent: true, items: [{ commentId: c.id }] });
    expect(order.status).toBe(201);
    const hook = await waitUntil(() => s.receiver.received.find((h) => h.body.type === 'comment.withdrawn'), { what: 'the withdrawal' });
    expect(hook.signatureValid).toBe(true);
    expect(hook.headers['saring-event']).toBe('comment.withdrawn');
    expect(hook.body.comment).toMatchObject({ id: c.id, status: 'pending', reasons: [expect.objectContaining({ ruleId: 'takedown.order' })] });
    expect(hook.body.takedown).toMatchObject({ id: order.body.id, orderNumber: `WH-${s.id}`, issuer: 'Komdigi', urgent: true, dueAt: order.body.dueAt, legalBasis: expect.stringMatching(/Pasal 15 ayat \(8\)/) });
    await s.receiver.close();
  });

  it('when the receiver is down, then each attempt records the connection error', async () => {
    const s = await siteWithReceiver();
    await s.receiver.close();
    const c = await a.submit(s.token, anInnocentComment());
    const [delivery] = await waitUntil(async () => ((await deliveriesOf(c.id))[0]?.status === 'failed' ? deliveriesOf(c.id) : undefined), { what: 'failed' });
    expect(delivery).toMatchObject({ attempts: 4, lastError: expect.stringMatching(/ECONNREFUSED|fetch failed/) });
  });
});

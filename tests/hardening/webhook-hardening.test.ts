import request from 'supertest';
import { verifySignature } from '../../src/webhooks/signature';
import { ADMIN_TOKEN, createSite } from '../support/app';
import { anInnocentComment } from '../support/held';
import { startLiveInstance, type LiveInstance } from '../support/live';
import { waitUntil } from '../support/wait';
import { startReceiver } from '../support/webhook-receiver';

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

describe('webhook URLs, secrets and queued deliveries', () => {
  let a: LiveInstance;
  let n = 0;
  beforeAll(async () => {
    a = await startLiveInstance({ label: 'hooks-harden', jobs: { webhookWorker: { pollMs: 20, backoffBaseMs: 60, backoffMaxMs: 200, timeoutMs: 300, maxAttempts: 20 } } });
  });
  afterAll(() => a.close());
  const nextId = () => `hook-h-${(n += 1)}`;

  it.each([
    ['POST /v1/sites', (id: string) => request(a.app).post('/v1/sites').set(admin).send({ id, name: 'x', webhookUrl: 'http://user:pass@127.0.0.1:9/hook' })],
    ['PATCH /v1/sites/:id', async (id: string) => {
      await createSite(a.app, id);
      return request(a.app).patch(`/v1/sites/${id}`).set(admin).send({ webhookUrl: 'https://user:pass@example.test/hook' });
    }],
  ])('when %s has a URL with credentials (regression: accepted, echoed and audited), then 422 on webhookUrl and nothing keeps it', async (_name, send) => {
    const id = nextId();
    const res = await send(id);
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ path: 'webhookUrl', message: expect.stringMatching(/user name or password/) });
    expect(JSON.stringify(await a.store.models.Audit.find({ siteId: id }).lean())).not.toContain('pass@');
    expect(JSON.stringify(await a.store.models.Site.findById(id).lean())).not.toContain('pass@');
  });

  it('when a delivery is queued and the site PATCHes its URL (regression: sent to the old URL), then the next attempt goes to the new URL', async () => {
    const secret: { value?: string } = {};
    const old = await startReceiver(() => secret.value, () => 503);
    const fresh = await startReceiver(() => secret.value);
    const id = nextId();
    const site = await createSite(a.app, id, { webhookUrl: old.url });
    secret.value = site.webhookSecret;
    const c = await a.submit(site.token, anInnocentComment());
    await waitUntil(() => old.requests() >= 1, { what: 'a failed attempt at the old URL' });
    expect((await request(a.app).patch(`/v1/sites/${id}`).set(admin).send({ webhookUrl: fresh.url })).status).toBe(200);
    const hook = await waitUntil(() => fresh.received[0], { what: 'the delivery at the new URL' });
    expect(hook.body.comment).toMatchObject({ id: c.id });
    const delivery = await waitUntil(async () => {
      const d = await a.store.models.WebhookDelivery.findOne({ commentId: c.id }).lean();
      return d?.status === 'delivered' ? d : undefined;
    });
    expect(delivery.url).toBe(fresh.url);
    await Promise.all([old.close(), fresh.close()]);
  });

  it('when the secret is rotated, then it is shown once, deliveries carry both signatures during the grace period, and the audit holds no secret', async () => {
    const secret: { value?: string } = {};
    const receiver = await startReceiver(() => secret.value);
    const id = nextId();
    const site = await createSite(a.app, id, { webhookUrl: receiver.url });
    const res = await request(a.app).post(`/v1/sites/${id}/webhook-secret`).set(admin).send({ graceHours: 2 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, webhookSecret: expect.any(String), previousSecretValidUntil: expect.any(String) });
    expect(res.body.webhookSecret).not.toBe(site.webhookSecret);
    secret.value = res.body.webhookSecret;
    await a.submit(site.token, anInnocentComment());
    const hook = await waitUntil(() => receiver.received[0], { what: 'a webhook' });
    const header = String(hook.headers['saring-signature']);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifySignature(res.body.webhookSecret, hook.raw, header)).toBe(true);
    expect(verifySignature(site.webhookSecret as string, hook.raw, header)).toBe(true);
    expect(verifySignature('not-the-secret', hook.raw, header)).toBe(false);
    const audit = await a.store.models.Audit.findOne({ target: `site:${id}`, action: 'site.webhook-secret.rotate' }).lean();
    expect(audit).toBeTruthy();
    expect(JSON.stringify(audit)).not.toContain(res.body.webhookSecret);
    await receiver.close();
  });

  it('when the secret is rotated with no grace period, then only the new secret signs', async () => {
    const receiver = await startReceiver(() => undefined);
    const id = nextId();
    const site = await createSite(a.app, id, { webhookUrl: receiver.url });
    const res = await request(a.app).post(`/v1/sites/${id}/webhook-secret`).set(admin).send({ graceHours: 0 });
    expect(res.body.previousSecretValidUntil).toBeNull();
    await a.submit(site.token, anInnocentComment());
    const hook = await waitUntil(() => receiver.received[0], { what: 'a webhook' });
    expect(verifySignature(res.body.webhookSecret, hook.raw, String(hook.headers['saring-signature']))).toBe(true);
    expect(verifySignature(site.webhookSecret as string, hook.raw, String(hook.headers['saring-signature']))).toBe(false);
    await receiver.close();
  });

  it.each([
    ['an unknown site', 'no-such-site', {}, 404],
    ['a site without a webhook', 'PLAIN', {}, 409],
    ['a negative grace period', 'PLAIN', { graceHours: -1 }, 422],
  ])('when a rotation names %s, then %s', async (_name, target, body, status) => {
    let id = target;
    if (target === 'PLAIN') {
      id = nextId();
      await createSite(a.app, id);
    }
    expect((await request(a.app).post(`/v1/sites/${id}/webhook-secret`).set(admin).send(body)).status).toBe(status);
  });
});

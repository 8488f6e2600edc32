import request from 'supertest';
import { aComment, createPrincipal, createSite } from '../support/app';
import { aHeldComment } from '../support/held';
import { startReceiver } from '../support/webhook-receiver';
import { startWebhookWorker, type WebhookWorker } from '../../src/webhooks/webhook-worker';
import { waitUntil } from '../support/wait';
import { HOUR, startClockedInstance, type ClockedInstance } from './clocked-live';

describe('reader reports as Permenkominfo 5/2020 Pasal 10 asks (real store, injected clock)', () => {
  let t: ClockedInstance;
  let hooks: Awaited<ReturnType<typeof startReceiver>>;
  let secret: string | undefined;
  let worker: WebhookWorker;
  let site: string;
  let mod: string;
  beforeAll(async () => {
    t = await startClockedInstance('report-states', new Date('2026-02-02T01:00:00Z'));
    hooks = await startReceiver(() => secret);
    const created = await createSite(t.app, 'site-p10', { webhookUrl: hooks.url, policy: { reportThreshold: 5 } });
    site = created.token;
    secret = created.webhookSecret;
    mod = await createPrincipal(t.app, 'moderator', ['site-p10']);
    worker = startWebhookWorker({ store: t.store }, { pollMs: 50, now: () => t.clock.now });
  });
  afterAll(async () => {
    await worker.stop();
    await hooks.close();
    await t.close();
  });

  const reportsOf = async (id: string) => (await request(t.app).get(`/v1/comments/${id}/reports`).set('Authorization', `Bearer ${mod}`).expect(200)).body.items;
  const decide = (id: string, status: string) => request(t.app).post(`/v1/comments/${id}/decision`).set('Authorization', `Bearer ${mod}`).send({ status }).expect(200);
  const review = (reportId: string) => request(t.app).post(`/v1/reports/${encodeURIComponent(reportId)}/review`).set('Authorization', `Bearer ${mod}`);

  it('when a reader reports, then the report is received and due in 48 h on the Dewan Pers clock; an urgent class is due in 4 h, labelled site policy', async () => {
    const c = await t.submit(site, aComment());
    const plain = await t.report(site, c.id, { reporterId: 'r-1', reason: 'other' }).expect(201);
    expect(plain.body.report).toMatchObject({ state: 'received', deadline: { basis: 'report', label: expect.stringMatching(/2 × 24 h \(Dewan Pers/) } });
    expect(Date.parse(plain.body.report.dueAt) - t.clock.now.getTime()).toBe(48 * HOUR);
    const urgent = await t.report(site, c.id, { reporterId: 'r-2', reason: 'ancaman.violence' }).expect(201);
    expect(urgent.body.report).toMatchObject({ state: 'received', deadline: { basis: 'urgent', label: expect.stringMatching(/site policy \(not a legal clock\)/) } });
    expect(Date.parse(urgent.body.report.dueAt) - t.clock.now.getTime()).toBe(4 * HOUR);
  });

  it('when a held comment nobody reported is queued, then its 24 h deadline is labelled a service level, not law; an urgent one a stricter site policy', async () => {
    const pre = (await createSite(t.app, 'site-pre', { policy: { preModeration: true } })).token;
    const preMod = await createPrincipal(t.app, 'moderator', ['site-pre']);
    const held = await t.submit(pre, aComment());
    const threat = await t.submit(pre, aHeldComment());
    const queue = await request(t.app).get('/v1/comments?queue=held&siteId=site-pre').set('Authorization', `Bearer ${preMod}`).expect(200);
    const byId = new Map(queue.body.items.map((i: { id: string }) => [i.id, i]));
    expect(byId.get(held.id)).toMatchObject({ msLeft: 24 * HOUR, deadline: { basis: 'service-level', label: expect.stringMatching(/service level set by the site \(not law\)/) } });
    expect(byId.get(threat.id)).toMatchObject({ msLeft: 4 * HOUR, deadline: { basis: 'urgent', label: expect.stringMatching(/not a legal clock/) } });
  });

  it('when a moderator reviews and then keeps the comment, then the report goes received → reviewed → rejected, the comment stays published and the site gets report.resolved', async () => {
    const c = await t.submit(site, aComment());
    const r = await t.report(site, c.id, { reporterId: 'r-keep', reason: 'sara.hate' }).expect(201);
    const reviewed = await review(r.body.report.id).expect(200);
    expect(reviewed.body).toMatchObject({ state: 'reviewed', reviewedBy: expect.any(String) });
    t.advance(3 * HOUR);
    const decided = await decide(c.id, 'approved');
    expect(decided.body.status).toBe('approved');
    const [report] = await reportsOf(c.id);
    expect(report).toMatchObject({ state: 'rejected', resolvedAt: t.clock.now.toISOString() });
    await review(r.body.report.id).expect(409);
    const hook = await waitUntil(() => hooks.received.find((h) => h.body.type === 'report.resolved' && (h.body.report as { id?: string } | undefined)?.id === r.body.report.id), { what: 'report.resolved webhook' });
    expect(hook.body.report).toMatchObject({ outcome: 'rejected', reporterId: 'r-keep', commentRemoved: false, legalBasis: { process: expect.stringMatching(/Pasal 10/) } });
    expect(hook.body.comment).toMatchObject({ id: c.id, status: 'approved' });
  });

  it('when a moderator removes a reported comment, then its reports are upheld with the legal basis the decision cites, and the compliance report counts states and time to resolution', async () => {
    const c = await t.submit(site, aComment({ text: 'Si Budi itu maling duit rakyat!' }));
    const r = await t.report(site, c.id, { reporterId: 'r-up', reason: 'fitnah.accusation' }).expect(201);
    t.advance(50 * HOUR); // past the 48 h clock
    await decide(c.id, 'rejected');
    const [report] = await reportsOf(c.id);
    expect(report.state).toBe('upheld');
    const hook = await waitUntil(() => hooks.received.find((h) => h.body.type === 'report.resolved' && (h.body.report as { id?: string } | undefined)?.id === r.body.report.id), { what: 'report.resolved webhook' });
    expect(hook.body.report).toMatchObject({ outcome: 'upheld', commentRemoved: true, legalBasis: { cited: [expect.stringMatching(/^KUHP .*Pasal 433/)] } });

    const res = await request(t.app).get('/v1/reports/compliance?siteId=site-p10&from=2026-02-01T00:00:00Z').set('Authorization', `Bearer ${mod}`).expect(200);
    expect(res.body.reports.byState).toMatchObject({ upheld: 1, rejected: 1, received: 2 });
    expect(res.body.reports.timeToResolution).toEqual({ count: 2, medianMs: 26.5 * HOUR, p95Ms: 50 * HOUR, maxMs: 50 * HOUR });
    expect(res.body.reports.overdue).toEqual({ resolvedLate: 1, openPastDue: 2 });
  });
});

import request from 'supertest';
import { aComment, createPrincipal, createSite } from '../support/app';
import { TestSocket } from '../support/ws';
import { HOUR, startClockedInstance, type ClockedInstance } from './clocked-live';

describe('POST /v1/comments/:id/reports', () => {
  let t: ClockedInstance;
  let site: string;
  let other: string;
  let mod: string;
  beforeAll(async () => {
    t = await startClockedInstance('reports');
    site = (await createSite(t.app, 'site-r', { webhookUrl: 'http://127.0.0.1:9/hooks', policy: { reportThreshold: 3 } })).token;
    other = (await createSite(t.app, 'site-other')).token;
    mod = await createPrincipal(t.app, 'moderator', ['site-r']);
  });
  afterAll(() => t.close());

  const stored = (id: string) => t.store.models.Comment.findById(id).lean();

  it('when a reader reports a published comment, then the report is stored and counted, and the comment enters the reported queue due in 48 h (Dewan Pers 2 × 24 h) but stays published', async () => {
    const c = await t.submit(site, aComment());
    const res = await t.report(site, c.id, { reporterId: 'pembaca-1', reason: 'other', note: 'tidak relevan' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ duplicate: false, withdrawn: false, report: { reporterId: 'pembaca-1', reason: 'other', note: 'tidak relevan' } });
    const doc = await stored(c.id);
    expect(doc).toMatchObject({ status: 'approved', reported: true, reportCount: 1 });
    expect(doc?.dueAt?.getTime()).toBe(t.clock.now.getTime() + 48 * HOUR);
    const queue = await request(t.app).get('/v1/comments?queue=reported&sort=due&siteId=site-r').set('Authorization', `Bearer ${mod}`);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    const reports = await request(t.app).get(`/v1/comments/${c.id}/reports`).set('Authorization', `Bearer ${mod}`);
    expect(reports.body).toMatchObject({ reportCount: 1, items: [{ reporterId: 'pembaca-1', reason: 'other' }] });
  });

  it('when the same reader reports twice, even ten times at once, then one report is kept and the count stays one', async () => {
    const c = await t.submit(site, aComment());
    const results = await Promise.all(Array.from({ length: 10 }, () => t.report(site, c.id, { reporterId: 'pembaca-dup', reason: 'sara.hate' })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(results.filter((r) => r.body.duplicate)).toHaveLength(9);
    expect(await t.store.models.Report.countDocuments({ commentId: c.id })).toBe(1);
    expect(await stored(c.id)).toMatchObject({ status: 'approved', reportCount: 1 });
  });

  it('when reports reach the site threshold, then the comment is withdrawn at once, streamed as comment.reported, and a webhook tells the site to hide it', async () => {
    const ws = await TestSocket.open(t.wsUrl, { token: mod });
    try {
      const c = await t.submit(site, aComment());
      for (const reader of ['a', 'b']) expect((await t.report(site, c.id, { reporterId: reader, reason: 'other' })).body.withdrawn).toBe(false);
      expect((await stored(c.id))?.status).toBe('approved');
      const third = await t.report(site, c.id, { reporterId: 'c', reason: 'fitnah.accusation' });
      expect(third.body).toMatchObject({ withdrawn: true, comment: { status: 'pending', reportCount: 3 } });
      expect(await stored(c.id)).toMatchObject({ status: 'pending', reported: true, revision: 1 });
      const event = await ws.waitFor((f) => f.type === 'comment.reported' && f.data?.id === c.id && f.data?.withdrawn === true);
      expect(event.data).toMatchObject({ status: 'pending', previousStatus: 'approved', report: { reporterId: 'c', reason: 'fitnah.accusation' } });
      expect(ws.events.filter((f) => f.type === 'comment.reported' && f.data?.id === c.id)).toHaveLength(3);
      const deliveries = await t.store.models.WebhookDelivery.find({ commentId: c.id, event: 'comment.withdrawn' }).lean();
      expect(deliveries).toEqual([expect.objectContaining({ event: 'comment.withdrawn', status: 'pending', siteId: 'site-r' })]);
    } finally {
      ws.close();
    }
  });

  it.each([
    { name: 'child sexual content', reason: 'susila.explicit' },
    { name: 'terror and violence', reason: 'ancaman.violence' },
    { name: 'content that unsettles the public', reason: 'hoaks.riot' },
  ])('when one reader reports $name ($reason), then the comment is withdrawn at once and due in 4 h', async ({ reason }) => {
    const c = await t.submit(site, aComment());
    const res = await t.report(site, c.id, { reporterId: 'pembaca-urgent', reason });
    expect(res.body.withdrawn).toBe(true);
    const doc = await stored(c.id);
    expect(doc).toMatchObject({ status: 'pending', urgent: true, reportCount: 1 });
    expect(doc?.dueAt?.getTime()).toBe(t.clock.now.getTime() + 4 * HOUR);
  });

  it('when five readers report at the same moment, then all five count and the comment is withdrawn exactly once', async () => {
    const c = await t.submit(site, aComment());
    const withdrawals: unknown[] = [];
    const off = t.events.onEvent((e) => e.type === 'comment.reported' && e.data.id === c.id && e.data.withdrawn && withdrawals.push(e));
    const results = await Promise.all(['p1', 'p2', 'p3', 'p4', 'p5'].map((r) => t.report(site, c.id, { reporterId: r, reason: 'other' })));
    off();
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(results.filter((r) => r.body.withdrawn)).toHaveLength(1);
    expect(withdrawals).toHaveLength(1);
    expect(await stored(c.id)).toMatchObject({ status: 'pending', reportCount: 5, revision: 1 });
    expect(await t.store.models.WebhookDelivery.countDocuments({ commentId: c.id, event: 'comment.withdrawn' })).toBe(1);
  });

  it('when a moderator already approved the comment, then later reports queue it for another look but do not withdraw it', async () => {
    const c = await t.submit(site, aComment());
    await request(t.app).post(`/v1/comments/${c.id}/decision`).set('Authorization', `Bearer ${mod}`).send({ status: 'approved' }).expect(200);
    const res = await t.report(site, c.id, { reporterId: 'x', reason: 'susila.explicit' });
    expect(res.body.withdrawn).toBe(false);
    expect(await stored(c.id)).toMatchObject({ status: 'approved', reported: true });
  });

  it.each([
    { name: 'another site reports the comment', token: () => other, body: { reporterId: 'r', reason: 'other' }, status: 404 },
    { name: 'a moderator token reports', token: () => mod, body: { reporterId: 'r', reason: 'other' }, status: 403 },
    { name: 'the reason is not a category', token: () => site, body: { reporterId: 'r', reason: 'jelek.sekali' }, status: 422 },
    { name: 'the reporter is missing', token: () => site, body: { reason: 'other' }, status: 422 },
  ])('when $name, then it gets $status and nothing is stored', async ({ token, body, status }) => {
    const c = await t.submit(site, aComment());
    expect((await t.report(token(), c.id, body)).status).toBe(status);
    expect(await t.store.models.Report.countDocuments({ commentId: c.id })).toBe(0);
  });
});

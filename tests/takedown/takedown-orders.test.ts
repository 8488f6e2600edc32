import request from 'supertest';
import { createLogger } from '../../src/logger';
import { sweepOverdueOrders } from '../../src/takedown/overdue-orders';
import { aComment, createPrincipal, createSite } from '../support/app';
import { anInnocentComment } from '../support/held';
import { TestSocket } from '../support/ws';
import { HOUR, startClockedInstance, type ClockedInstance } from '../reports/clocked-live';

describe('ministry take-down orders (Permenkominfo 5/2020 Pasal 14–16, 20)', () => {
  let t: ClockedInstance;
  let site: string;
  let otherSite: string;
  let legal: string;
  let legalOther: string;
  let mod: string;
  let modOther: string;
  let n = 0;
  beforeAll(async () => {
    t = await startClockedInstance('takedown', new Date('2026-03-02T02:00:00Z'));
    site = (await createSite(t.app, 'td-site', { webhookUrl: 'http://127.0.0.1:9/hooks' })).token;
    otherSite = (await createSite(t.app, 'td-other')).token;
    legal = await createPrincipal(t.app, 'legal', ['td-site']);
    legalOther = await createPrincipal(t.app, 'legal', ['td-other']);
    mod = await createPrincipal(t.app, 'moderator', ['td-site']);
    modOther = await createPrincipal(t.app, 'moderator', ['td-other']);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (token: string, body: unknown) => request(t.app).post('/v1/takedown-orders').set(as(token)).send(body as object);
  const sweep = () => sweepOverdueOrders({ store: t.store, events: t.events, metrics: t.metrics, logger: createLogger('silent'), now: () => t.clock.now });
  const stored = (id: string) => t.store.models.Comment.findById(id).lean();
  const orderNumber = () => `B-${++n}/DJAI/PS.00.00/03/2026`;
  const url = () => `https://td-site.test/berita/${n}-${Math.random().toString(36).slice(2)}`;

  it('when a legal officer enters an order for a comment and an article, then every covered comment is withdrawn at once, the site is told to hide each one and moderators get takedown.received', async () => {
    const ws = await TestSocket.open(t.wsUrl, { token: mod });
    try {
      const single = await t.submit(site, anInnocentComment());
      const article = url();
      const onArticle = [await t.submit(site, anInnocentComment({ articleUrl: article })), await t.submit(site, anInnocentComment({ articleUrl: `${article}/` }))];
      const elsewhere = await t.submit(otherSite, anInnocentComment({ articleUrl: article }));
      const res = await post(legal, { orderNumber: orderNumber(), issuer: 'Komdigi', urgent: false, items: [{ commentId: single.id, note: 'ujaran' }, { articleUrl: article }] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'open', urgent: false, siteIds: ['td-site'], deadline: { hours: 24 }, overdue: false });
      expect(new Date(res.body.dueAt).getTime()).toBe(t.clock.now.getTime() + 24 * HOUR);
      expect(res.body.items[1].commentIds.sort()).toEqual(onArticle.map((c) => c.id).sort());
      for (const c of [single, ...onArticle]) {
        const doc = await stored(c.id);
        expect(doc).toMatchObject({ status: 'pending', takedownOrderIds: [res.body.id], decision: { action: 'review', reasons: [expect.objectContaining({ ruleId: 'takedown.order', category: 'takedown' })] } });
        expect(doc?.decision?.reasons?.[0]?.legalBasis).toMatch(/Pasal 15 ayat \(6\)/);
        expect(doc?.dueAt?.getTime()).toBe(new Date(res.body.dueAt).getTime());
        expect(await t.store.models.WebhookDelivery.countDocuments({ commentId: c.id, event: 'comment.withdrawn', takedownOrderId: res.body.id })).toBe(1);
      }
      // a legal officer of one site never reaches another site's comments
      expect((await stored(elsewhere.id))?.status).toBe('approved');
      const event = await ws.waitFor((f) => f.type === 'takedown.received' && f.data?.id === res.body.id);
      expect(event.data).toMatchObject({ orderNumber: res.body.orderNumber, siteIds: ['td-site'] });
      expect((event.data?.comments as unknown[]).length).toBe(3);
      const queue = await request(t.app).get('/v1/comments?queue=held&sort=due&siteId=td-site').set(as(mod));
      expect(queue.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([single.id, ...onArticle.map((c) => c.id)]));
    } finally {
      ws.close();
    }
  });

  it('when the same order is sent again, then it answers 200 with the stored order and withdraws nothing twice; the same number with other content is a 409', async () => {
    const c = await t.submit(site, anInnocentComment());
    const body = { orderNumber: orderNumber(), issuer: 'Komdigi', items: [{ commentId: c.id }] };
    const first = await post(legal, body);
    expect(first.status).toBe(201);
    const again = await post(legal, body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await t.store.models.WebhookDelivery.countDocuments({ commentId: c.id, event: 'comment.withdrawn' })).toBe(1);
    expect((await stored(c.id))?.revision).toBe(1);
    const clash = await post(legal, { ...body, urgent: true });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('conflict');
  });

  it('when two retries of one order race, then one is 201 and the other 200, each comment is withdrawn once and its first record (status before) is kept', async () => {
    const cs = [await t.submit(site, anInnocentComment()), await t.submit(site, anInnocentComment())];
    const body = { orderNumber: orderNumber(), issuer: 'Komdigi', items: cs.map((c) => ({ commentId: c.id })) };
    const answers = await Promise.all([post(legal, body), post(legal, body), post(legal, body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    const order = await t.store.models.TakedownOrder.findById(answers[0]!.body.id).lean();
    expect(order?.comments.map((c) => [c.commentId, c.statusBefore]).sort()).toEqual(cs.map((c) => [c.id, 'approved']).sort());
    for (const c of cs) {
      expect((await stored(c.id))?.revision).toBe(1);
      expect(await t.store.models.WebhookDelivery.countDocuments({ commentId: c.id, event: 'comment.withdrawn' })).toBe(1);
    }
  });

  it.each([
    { hours: 24, urgent: false },
    { hours: 4, urgent: true },
  ])('when an order (urgent: $urgent) is still open after $hours h on the clock, then takedown.overdue is raised once and counted', async ({ hours, urgent }) => {
    // later than the orders of the other tests, whose deadlines pass first
    t.advance(60_000);
    const c = await t.submit(site, anInnocentComment());
    const res = await post(legal, { orderNumber: orderNumber(), issuer: 'Komdigi', urgent, items: [{ commentId: c.id }] });
    const id = res.body.id as string;
    const seen: string[] = [];
    const off = t.events.onEvent((e) => e.type === 'takedown.overdue' && e.data.id === id && seen.push(e.id));
    const counted = async () => (await t.metrics.registry.getSingleMetric('saring_takedown_orders_overdue_total')?.get())?.values.find((v) => v.labels.urgent === String(urgent))?.value ?? 0;
    try {
      t.advance(hours * HOUR - 1000);
      await sweep();
      expect(seen).toHaveLength(0);
      const before = await counted();
      expect((await request(t.app).get(`/v1/takedown-orders/${id}`).set(as(mod))).body.overdue).toBe(false);
      t.advance(1001);
      await sweep();
      await sweep();
      expect(seen).toHaveLength(1);
      const view = await request(t.app).get(`/v1/takedown-orders/${id}`).set(as(mod));
      expect(view.body).toMatchObject({ status: 'open', overdue: true, late: true });
      expect(await counted()).toBe(before + 1);
      expect((await request(t.app).get('/v1/takedown-orders?status=overdue').set(as(legal))).body.items.map((o: { id: string }) => o.id)).toContain(id);
    } finally {
      off();
    }
  });

  it('when warning letters arrive and a moderator confirms removal, then the order records each letter, the completion time and who did it, and its evidence lists each item', async () => {
    const a = await t.submit(site, anInnocentComment({ text: 'Teks <b>pertama</b> yang diperintahkan turun & "dihapus".' }));
    const article = url();
    const b = await t.submit(site, anInnocentComment({ articleUrl: article }));
    const res = await post(legal, { orderNumber: orderNumber(), issuer: 'Komdigi', urgent: true, items: [{ commentId: a.id }, { articleUrl: article, note: 'seluruh komentar artikel' }] });
    const id = res.body.id as string;
    t.advance(5 * HOUR);
    const warned = await request(t.app).post(`/v1/takedown-orders/${id}/warnings`).set(as(legal)).send({ letterNumber: 'ST-1/2026', note: 'teguran pertama' });
    expect(warned.status).toBe(201);
    expect(warned.body.warnings).toEqual([expect.objectContaining({ letterNumber: 'ST-1/2026', recordedBy: expect.any(String) })]);
    t.advance(HOUR);
    const done = await request(t.app).post(`/v1/takedown-orders/${id}/complete`).set(as(mod)).send({ note: 'sudah diturunkan' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', late: true, completionNote: 'sudah diturunkan' });
    expect(new Date(done.body.completedAt).getTime()).toBe(t.clock.now.getTime());
    expect(done.body.completedBy).toEqual(expect.any(String));
    for (const c of [a, b]) expect((await stored(c.id))?.status).toBe('rejected');
    expect((await request(t.app).post(`/v1/takedown-orders/${id}/complete`).set(as(mod)).send({})).status).toBe(409);

    const evidence = await request(t.app).get(`/v1/takedown-orders/${id}/evidence`).set(as(legal));
    expect(evidence.status).toBe(200);
    expect(evidence.body.legalBasis.evidence).toMatch(/Pasal 20 ayat \(2\)/);
    expect(evidence.body.items).toEqual([
      expect.objectContaining({ index: 1, commentId: a.id, comments: [expect.objectContaining({ commentId: a.id, text: expect.stringContaining('<b>pertama</b>'), withdrawnBy: expect.any(String), removed: true, decision: expect.objectContaining({ status: 'rejected' }) })] }),
      expect.objectContaining({ index: 2, articleUrl: article, comments: [expect.objectContaining({ commentId: b.id, articleUrl: article, removed: true })] }),
    ]);
    expect(evidence.body.items[0].comments[0].withdrawnAt).toBe(res.body.receivedAt);
    expect(evidence.body.summary).toEqual({ items: 2, comments: 2, removed: 2, notRemoved: 0 });
    const html = await request(t.app).get(`/v1/takedown-orders/${id}/evidence`).set(as(legal)).set('Accept', 'text/html');
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('&lt;b&gt;pertama&lt;/b&gt;');
    expect(html.text).not.toContain('<b>pertama</b>');
    expect(html.text).toContain(article);
    expect(html.text).toContain('ST-1/2026');
    const audit = await t.store.models.Audit.find({ target: `takedown:${id}` }).lean();
    expect(audit.map((e) => e.action).sort()).toEqual(['takedown.complete', 'takedown.evidence', 'takedown.evidence', 'takedown.receive', 'takedown.warning']);
  });

  it('when the compliance report is read, then it has a section per order with its timeline (received, due, warnings, completed), in JSON and CSV', async () => {
    const c = await t.submit(site, anInnocentComment());
    const number = orderNumber();
    const res = await post(legal, { orderNumber: number, issuer: 'Komdigi', items: [{ commentId: c.id }] });
    t.advance(25 * HOUR);
    await request(t.app).post(`/v1/takedown-orders/${res.body.id}/warnings`).set(as(legal)).send({ letterNumber: `ST-${n}` }).expect(201);
    t.advance(HOUR);
    await request(t.app).post(`/v1/takedown-orders/${res.body.id}/complete`).set(as(legal)).send({}).expect(200);
    const report = await request(t.app).get('/v1/reports/compliance?siteId=td-site').set(as(legal));
    expect(report.status).toBe(200);
    const entry = report.body.takedowns.orders.find((o: { id: string }) => o.id === res.body.id);
    expect(entry).toMatchObject({ orderNumber: number, status: 'completed', late: true, comments: 1, removed: 1, warnings: [{ letterNumber: `ST-${n}` }], msToComplete: 26 * HOUR });
    expect(entry.timeline.map((e: { what: string }) => e.what)).toEqual(['received', 'comments withdrawn', 'due', 'warning 1 (ST-' + n + ')', 'completed by ' + entry.completedBy]);
    expect(report.body.takedowns.completedLate).toBeGreaterThanOrEqual(1);
    const csv = await request(t.app).get('/v1/reports/compliance?siteId=td-site&format=csv').set(as(legal));
    expect(csv.text).toContain(`takedown_late,${number},true`);
    expect(csv.text).toContain(`takedown_warnings,${number},1`);
    // a moderator of another site does not see it
    expect((await request(t.app).get('/v1/reports/compliance?siteId=td-site').set(as(modOther))).status).toBe(403);
  });

  it('when moderators reject every covered comment one by one, then the sweep records the order as completed by the last of them and never raises it overdue', async () => {
    const c = await t.submit(site, anInnocentComment());
    const res = await post(legal, { orderNumber: orderNumber(), issuer: 'Komdigi', items: [{ commentId: c.id }] });
    t.advance(HOUR);
    await request(t.app).post(`/v1/comments/${c.id}/decision`).set(as(mod)).send({ status: 'rejected' }).expect(200);
    t.advance(30 * HOUR);
    expect(await sweep()).toBe(0);
    const view = await request(t.app).get(`/v1/takedown-orders/${res.body.id}`).set(as(mod));
    expect(view.body).toMatchObject({ status: 'completed', late: false });
    expect(new Date(view.body.completedAt).getTime()).toBe(t.clock.now.getTime() - 30 * HOUR);
  });

  it('when an order names an already rejected comment, then it is recorded as already removed, with who removed it, and nothing is sent', async () => {
    const c = await t.submit(site, aComment({ text: 'awas lu gue habisi nanti malam' }));
    await request(t.app).post(`/v1/comments/${c.id}/decision`).set(as(mod)).send({ status: 'rejected' }).expect(200);
    t.advance(HOUR);
    const res = await post(legal, { orderNumber: orderNumber(), issuer: 'Komdigi', items: [{ commentId: c.id }] });
    expect(res.status).toBe(201);
    expect(res.body.comments).toEqual([expect.objectContaining({ commentId: c.id, alreadyRemoved: true })]);
    expect((await stored(c.id))?.status).toBe('rejected');
    expect(await t.store.models.WebhookDelivery.countDocuments({ commentId: c.id, event: 'comment.withdrawn' })).toBe(0);
    // nothing is left to remove: the sweep records it carried out when it was recorded, never before
    t.advance(1000);
    await sweep();
    const view = await request(t.app).get(`/v1/takedown-orders/${res.body.id}`).set(as(mod));
    expect(view.body).toMatchObject({ status: 'completed', late: false });
    expect(view.body.completedAt).toBe(res.body.createdAt);
  });

  it('when others look at an order, then moderators and legal officers of its site see it, those of another site get 404, and neither a moderator nor a site may enter one', async () => {
    const c = await t.submit(site, anInnocentComment());
    const res = await post(legal, { orderNumber: orderNumber(), issuer: 'Komdigi', items: [{ commentId: c.id }] });
    const id = res.body.id as string;
    expect((await request(t.app).get(`/v1/takedown-orders/${id}`).set(as(mod))).status).toBe(200);
    expect((await request(t.app).get(`/v1/takedown-orders/${id}/evidence`).set(as(modOther))).status).toBe(404);
    expect((await request(t.app).get(`/v1/takedown-orders/${id}`).set(as(legalOther))).status).toBe(404);
    expect((await request(t.app).get('/v1/takedown-orders').set(as(legalOther))).body.items.map((o: { id: string }) => o.id)).not.toContain(id);
    expect((await post(mod, { orderNumber: orderNumber(), issuer: 'Komdigi', items: [{ commentId: c.id }] })).status).toBe(403);
    expect((await post(site, { orderNumber: orderNumber(), issuer: 'Komdigi', items: [{ commentId: c.id }] })).status).toBe(403);
    expect((await request(t.app).post(`/v1/takedown-orders/${id}/warnings`).set(as(mod)).send({})).status).toBe(403);
  });

  it.each([
    { name: 'the body is not JSON', send: '{"orderNumber":', status: 400, code: 'bad_json' },
    { name: 'a field is unknown', body: { orderNumber: 'X-1', issuer: 'Komdigi', items: [{ articleUrl: 'https://a.test/x' }], siteId: 'td-site' }, status: 422, code: 'validation_failed', path: '' },
    { name: 'urgent is not a boolean', body: { orderNumber: 'X-2', issuer: 'Komdigi', urgent: 'ya', items: [{ articleUrl: 'https://a.test/x' }] }, status: 422, code: 'validation_failed', path: 'urgent' },
    { name: 'an item names both a comment and an article', body: { orderNumber: 'X-3', issuer: 'Komdigi', items: [{ commentId: 'c_x', articleUrl: 'https://a.test/x' }] }, status: 422, code: 'validation_failed', path: 'items.0.commentId' },
    { name: 'there are no items', body: { orderNumber: 'X-4', issuer: 'Komdigi', items: [] }, status: 422, code: 'validation_failed', path: 'items' },
    { name: 'the article URL is not a URL', body: { orderNumber: 'X-5', issuer: 'Komdigi', items: [{ articleUrl: 'berita/1' }] }, status: 422, code: 'validation_failed', path: 'items.0.articleUrl' },
    { name: 'the comment is unknown', body: { orderNumber: 'X-6', issuer: 'Komdigi', items: [{ commentId: 'c_unknown' }] }, status: 422, code: 'validation_failed', path: 'items.0.commentId' },
    { name: 'receivedAt lies in the future', body: { orderNumber: 'X-7', issuer: 'Komdigi', receivedAt: '2030-01-01T00:00:00Z', items: [{ articleUrl: 'https://a.test/x' }] }, status: 422, code: 'validation_failed', path: 'receivedAt' },
  ])('when $name, then $status $code and no order is stored', async ({ send, body, status, code, path }) => {
    const before = await t.store.models.TakedownOrder.countDocuments({});
    const req = request(t.app).post('/v1/takedown-orders').set(as(legal)).set('Content-Type', 'application/json');
    const res = await (send !== undefined ? req.send(send) : req.send(body));
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    if (path !== undefined && path !== '') expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await t.store.models.TakedownOrder.countDocuments({})).toBe(before);
  });

  it('when a legal officer names another site\u2019s comment, then it is a 422 that does not reveal it', async () => {
    const c = await t.submit(otherSite, anInnocentComment());
    const res = await post(legal, { orderNumber: orderNumber(), issuer: 'Komdigi', items: [{ commentId: c.id }] });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].message).toMatch(/no comment .* on the sites this token may act on/);
    expect((await stored(c.id))?.status).toBe('approved');
  });
});

import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { aComment, createPrincipal, createSite } from '../support/app';
import { anInnocentComment } from '../support/held';
import { startClockedInstance, type ClockedInstance } from '../reports/clocked-live';

describe('author data requests (Permenkominfo 5/2020 Pasal 11, 26–27; UU PDP Pasal 30–32, 40–43)', () => {
  let t: ClockedInstance;
  let site: string;
  let legal: string;
  let legalOther: string;
  let mod: string;
  const tag = randomBytes(4).toString('hex');
  const authorId = `penulis-${tag}`;
  const name = `Zubaedah Quillfeather ${tag}`;
  const texts = [`Catatan xq${tag}a tentang banjir di kota kami.`, `awas lu gue habisi nanti malam xq${tag}b`, `Versi pertama xq${tag}c soal harga pasar.`, `Versi kedua xq${tag}d soal harga pasar.`];
  const author = { id: authorId, name };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startClockedInstance('authordata');
    site = (await createSite(t.app, 'ad-site', { webhookUrl: 'http://127.0.0.1:9/hooks' })).token;
    await createSite(t.app, 'ad-other');
    legal = await createPrincipal(t.app, 'legal', ['ad-site']);
    legalOther = await createPrincipal(t.app, 'legal', ['ad-other']);
    mod = await createPrincipal(t.app, 'moderator', ['ad-site']);
    const as = { Authorization: `Bearer ${mod}` };

    // the author's life on the site: a published comment, a held threat a moderator rejects, an edited comment
    ids.published = (await t.submit(site, aComment({ author, text: texts[0], articleUrl: `https://ad-site.test/a/${tag}` }))).id;
    ids.held = (await t.submit(site, aComment({ author, text: texts[1] }))).id;
    const edited = aComment({ author, text: texts[2] });
    ids.edited = (await t.submit(site, edited)).id;
    await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${site}`).send({ ...edited, text: texts[3] }).expect(200);
    await request(t.app).post(`/v1/comments/${ids.held}/decision`).set(as).send({ status: 'rejected', note: 'ancaman' }).expect(200);
    // a reader reports the author's comment; the author, as a reader, reports someone else's
    await t.report(site, ids.published, { reporterId: `pembaca-${tag}`, reason: 'other', note: 'tidak pantas' }).expect(201);
    const someoneElse = (await t.submit(site, anInnocentComment())).id;
    await t.report(site, someoneElse, { reporterId: authorId, reason: 'other', note: `laporan xq${tag}e` }).expect(201);
    await request(t.app).post(`/v1/sites/ad-site/authors/${authorId}/ban`).set(as).send({ hours: 24, reason: 'ancaman berulang' }).expect(200);
    await request(t.app).delete(`/v1/sites/ad-site/authors/${authorId}/ban`).set(as).send({ reason: 'banding' }).expect(200);
    // and a ministry order covers the published comment
    await request(t.app).post('/v1/takedown-orders').set('Authorization', `Bearer ${legal}`).send({ orderNumber: `AD-${tag}`, issuer: 'Komdigi', items: [{ commentId: ids.published }] }).expect(201);
  });
  afterAll(() => t.close());

  const base = `/v1/sites/ad-site/authors/${authorId}`;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('when a legal officer exports the author, then the file holds their comments, decisions, reports, standing, bans, audit entries and take-down orders, and the export is audited', async () => {
    const res = await request(t.app).get(`${base}/export?requestRef=POL-${tag}`).set(bearer(legal));
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="saring-author-ad-site-penulis-/);
    const e = res.body;
    expect(e).toMatchObject({ siteId: 'ad-site', authorId, names: [name], requestRef: `POL-${tag}` });
    expect(e.legalBasis).toMatch(/Pasal 11, 26–27/);
    expect(e.comments.map((c: { text: string }) => c.text).sort()).toEqual([texts[0], texts[1], texts[3]].sort());
    expect(e.decisions).toEqual(expect.arrayContaining([expect.objectContaining({ commentId: ids.held, status: 'rejected' })]));
    expect(e.reports.onTheirComments).toEqual([expect.objectContaining({ commentId: ids.published, reporterId: `pembaca-${tag}` })]);
    expect(e.reports.filedByThem).toEqual([expect.objectContaining({ reporterId: authorId, note: `laporan xq${tag}e` })]);
    expect(e.standing).toMatchObject({ siteId: 'ad-site', authorId, banned: false });
    expect(e.bans.map((b: { action: string }) => b.action)).toEqual(['author.ban', 'author.unban']);
    const actions = e.audit.map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['comment.edit', 'comment.decide', 'author.ban', 'author.unban', 'comment.takedown']));
    expect(e.audit.find((a: { action: string }) => a.action === 'comment.edit').before.text).toBe(texts[2]);
    expect(e.takedownOrders).toEqual([expect.objectContaining({ orderNumber: `AD-${tag}`, commentIds: [ids.published] })]);
    expect(e.counts).toMatchObject({ comments: 3, reportsOnTheirComments: 1, reportsFiled: 1, bans: 1, takedownOrders: 1, decisions: { approved: 1, pending: 1, rejected: 1 } });
    const audited = await t.store.models.Audit.find({ action: 'author.export', target: `author:ad-site:${authorId}` }).lean();
    expect(audited).toHaveLength(1);
  });

  it.each([
    { who: 'a legal officer of another site', token: () => legalOther, status: 404 },
    { who: 'a moderator of the site', token: () => mod, status: 403 },
    { who: 'the site itself', token: () => site, status: 403 },
  ])('when $who asks for the export or the erasure, then $status and nothing changes', async ({ token, status }) => {
    expect((await request(t.app).get(`${base}/export`).set(bearer(token()))).status).toBe(status);
    expect((await request(t.app).post(`${base}/erase`).set(bearer(token())).send({ reason: 'permintaan' })).status).toBe(status);
    expect(await t.store.models.Comment.countDocuments({ 'author.id': authorId })).toBe(3);
  });

  it.each([
    { name: 'the body is not JSON', send: '{"reason":', status: 400, code: 'bad_json' },
    { name: 'the reason is missing', send: {}, status: 422, code: 'validation_failed' },
    { name: 'the reason is not a string', send: { reason: 17 }, status: 422, code: 'validation_failed' },
    { name: 'a field is unknown', send: { reason: 'permintaan', authorName: 'x' }, status: 422, code: 'validation_failed' },
    { name: 'the reason names the author (it stays in the audit trail)', send: { reason: `permintaan ${name}` }, status: 422, code: 'validation_failed' },
  ])('when $name, then the erasure is refused with $status $code', async ({ send, status, code }) => {
    const req = request(t.app).post(`${base}/erase`).set(bearer(legal)).set('Content-Type', 'application/json');
    const res = await req.send(send as object);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await t.store.models.Comment.countDocuments({ 'author.id': authorId })).toBe(3);
  });

  it('when the author is erased, then no collection of the store holds their name, id or any of their texts, and an anonymised audit line and the decision counts remain', async () => {
    const res = await request(t.app).post(`${base}/erase`).set(bearer(legal)).send({ reason: 'Permintaan penghapusan pemilik data (UU PDP Pasal 43)', requestRef: `DPO-${tag}` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ siteId: 'ad-site', erasedAs: expect.stringMatching(/^erased-[0-9a-f]{12}$/), counts: { comments: 3, decisions: { approved: 1, pending: 1, rejected: 1 }, reportsFiled: 1, standingDeleted: true } });
    await t.events.streamRelay.flush();

    const needles = [name, authorId, ...texts, `xq${tag}`];
    const db = t.store.conn.db!;
    const found: string[] = [];
    const collections = (await db.listCollections().toArray()).map((c) => c.name).filter((n) => !n.startsWith('system.'));
    expect(collections).toEqual(expect.arrayContaining(['comments', 'audit', 'events', 'reports', 'takedown_orders', 'webhook_deliveries']));
    for (const coll of collections) {
      for (const doc of await db.collection(coll).find({}).toArray()) {
        const json = JSON.stringify(doc);
        for (const n of needles) if (json.includes(n)) found.push(`${coll}: ${n} in ${json.slice(0, 300)}`);
      }
    }
    expect(found).toEqual([]);

    const kept = await t.store.models.Comment.find({ 'author.id': res.body.erasedAs }).lean();
    expect(kept.map((c) => c.status).sort()).toEqual(['approved', 'pending', 'rejected'].sort());
    expect(kept.every((c) => c.text === '[dihapus]' && c.author?.name === '[dihapus]' && c.erasedAt)).toBe(true);
    expect(kept.find((c) => c._id === ids.held)?.decision?.reasons?.[0]).toMatchObject({ category: 'ancaman.violence', spans: [expect.objectContaining({ text: '[dihapus]' })] });
    const line = await t.store.models.Audit.findOne({ action: 'author.erase' }).lean();
    expect(line).toMatchObject({ actor: expect.any(String), target: `author:ad-site:${res.body.erasedAs}`, note: 'Permintaan penghapusan pemilik data (UU PDP Pasal 43)', after: expect.objectContaining({ requestRef: `DPO-${tag}`, comments: 3 }) });
    const evidence = await request(t.app).get(`/v1/takedown-orders/${(await t.store.models.TakedownOrder.findOne({ orderNumber: `AD-${tag}` }).lean())?._id}/evidence`).set(bearer(legal));
    expect(evidence.body.items[0].comments[0]).toMatchObject({ commentId: ids.published, text: '[dihapus]' });
    // the author no longer exists on the site
    const again = await request(t.app).get(`${base}/export`).set(bearer(legal));
    expect(again.body.counts).toMatchObject({ comments: 0, reportsFiled: 0 });
  });
});

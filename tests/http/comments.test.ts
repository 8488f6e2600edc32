import request from 'supertest';
import { ADMIN_TOKEN, aComment, buildTestApp, createPrincipal, createSite, type TestApp } from '../support/app';

describe('POST /v1/comments', () => {
  let t: TestApp;
  let site: string;
  let other: string;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'comments' });
    site = (await createSite(t.app, 'kompas-test')).token;
    other = (await createSite(t.app, 'detik-test')).token;
  });
  afterAll(() => t.close());

  const post = (token: string, body: unknown) => request(t.app).post('/v1/comments').set('Authorization', `Bearer ${token}`).send(body as object);

  it('when an innocent comment is submitted, then it is stored as approved with no reasons', async () => {
    const body = aComment({ text: 'Harga daging babi di pasar naik.' });
    const res = await post(site, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ externalId: body.externalId, status: 'approved', reasons: [], maskedText: body.text });
    expect(res.body.id).toMatch(/^c_/);
    expect(typeof res.body.rulesetVersion).toBe('string');
    expect(Date.parse(res.body.createdAt)).not.toBeNaN();
    const stored = await t.store.models.Comment.findById(res.body.id).lean();
    expect(stored).toMatchObject({ siteId: 'kompas-test', text: body.text, status: 'approved' });
  });

  it.each([
    ['Liburan ke pantai sambil santai.'],
    ['Harga daging babi di pasar naik.'],
  ])('when "%s" is submitted, then it is approved with no reasons', async (text) => {
    const res = await post(site, aComment({ text }));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('approved');
    expect(res.body.reasons).toEqual([]);
  });

  it('when an insult aimed at a person is submitted, then it is not approved untouched and the reasons explain it', async () => {
    const text = 'Dasar anjing lu, goblok!';
    const res = await post(site, aComment({ text }));
    expect(res.status).toBe(201);
    expect(res.body.status !== 'approved' || res.body.maskedText !== text).toBe(true);
    expect(res.body.reasons.length).toBeGreaterThan(0);
    const reason = res.body.reasons[0];
    expect(reason).toEqual(expect.objectContaining({ ruleId: expect.any(String), category: expect.stringMatching(/^kasar\./), legalBasis: expect.any(String), action: expect.any(String), message: expect.any(String) }));
    for (const span of reason.spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('when the same externalId is submitted again with the same text, then the stored decision comes back with 200 and no duplicate', async () => {
    const body = aComment();
    const first = await post(site, body);
    const again = await post(site, { ...body });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await t.store.models.Comment.countDocuments({ siteId: 'kompas-test', externalId: body.externalId as string })).toBe(1);
  });

  it('when 50 identical submissions arrive in parallel, then exactly one document is stored and all answers agree', async () => {
    const body = aComment({ text: 'Komentar yang dikirim ulang oleh klien yang panik.' });
    const results = await Promise.all(Array.from({ length: 50 }, () => post(site, body)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await t.store.models.Comment.countDocuments({ externalId: body.externalId as string })).toBe(1);
  });

  it('when two sites use the same externalId, then both are stored separately', async () => {
    const body = aComment();
    const a = await post(site, body);
    const b = await post(other, body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('when a moderator token submits, then it gets 403', async () => {
    const mod = await createPrincipal(t.app, 'moderator', ['kompas-test']);
    const res = await post(mod, aComment());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('when there is no token or an unknown one, then it gets 401', async () => {
    const none = await request(t.app).post('/v1/comments').send(aComment());
    const bad = await post('sar_AAAAAAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB', aComment());
    expect([none.status, bad.status]).toEqual([401, 401]);
    expect(none.body.error).toEqual(expect.objectContaining({ code: 'unauthenticated', requestId: expect.any(String) }));
  });

  it('when the admin token is used on a site route, then it is 403 not 500', async () => {
    expect((await post(ADMIN_TOKEN, aComment())).status).toBe(403);
  });
});

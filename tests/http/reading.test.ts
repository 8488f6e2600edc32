import request from 'supertest';
import { ADMIN_TOKEN, aComment, buildTestApp, createPrincipal, createSite, type TestApp } from '../support/app';

describe('reading comments and the dry run', () => {
  let t: TestApp;
  let siteA: string;
  let siteB: string;
  let modA: string;
  let idB: string;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'reading' });
    siteA = (await createSite(t.app, 'site-a')).token;
    siteB = (await createSite(t.app, 'site-b')).token;
    modA = await createPrincipal(t.app, 'moderator', ['site-a']);
    for (let i = 0; i < 7; i++) {
      await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${siteA}`).send(aComment({ articleId: i % 2 ? 'odd' : 'even', author: { id: `a${i % 3}`, name: 'A' } }));
    }
    const b = await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${siteB}`).send(aComment());
    idB = b.body.id;
  });
  afterAll(() => t.close());

  const get = (token: string, url: string) => request(t.app).get(url).set('Authorization', `Bearer ${token}`);

  it('when a site token reads another site\'s comment, then it gets 404 and learns nothing', async () => {
    const res = await get(siteA, `/v1/comments/${idB}`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('site-b');
    expect((await get(siteB, `/v1/comments/${idB}`)).status).toBe(200);
  });

  it('when a site token lists another site, then 403; when it lists without a site, then only its own', async () => {
    expect((await get(siteA, '/v1/comments?siteId=site-b')).status).toBe(403);
    const own = await get(siteA, '/v1/comments?limit=200');
    expect(own.status).toBe(200);
    expect(own.body.items.length).toBe(7);
    expect(own.body.items.every((c: { siteId: string }) => c.siteId === 'site-a')).toBe(true);
  });

  it('when a moderator pages through with a cursor, then every comment comes once, newest first', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await get(modA, `/v1/comments?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('when filtered by article, author and status, then only matching comments come back', async () => {
    const odd = await get(modA, '/v1/comments?articleId=odd');
    expect(odd.body.items.length).toBe(3);
    const author = await get(modA, '/v1/comments?authorId=a0');
    expect(author.body.items.every((c: { author: { id: string } }) => c.author.id === 'a0')).toBe(true);
    const approved = await get(modA, '/v1/comments?status=approved');
    expect(approved.body.items.every((c: { status: string }) => c.status === 'approved')).toBe(true);
  });

  it('when a query parameter is invalid, then 422 names it', async () => {
    const res = await get(modA, '/v1/comments?limit=0&status=maybe');
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['limit', 'status']);
    expect((await get(modA, '/v1/comments?cursor=garbage')).status).toBe(422);
  });

  it('when the dry run is called, then it returns a decision and stores nothing', async () => {
    const before = await t.store.models.Comment.countDocuments({});
    const res = await request(t.app).post('/v1/moderate').set('Authorization', `Bearer ${modA}`).send({ text: 'Dasar goblok lu' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ status: expect.any(String), reasons: expect.any(Array), maskedText: expect.any(String), rulesetVersion: expect.any(String) }));
    expect(res.body.reasons.length).toBeGreaterThan(0);
    expect(await t.store.models.Comment.countDocuments({})).toBe(before);
  });

  it('when the dry run names a site the token may not use, then 403', async () => {
    const res = await request(t.app).post('/v1/moderate').set('Authorization', `Bearer ${modA}`).send({ text: 'halo', siteId: 'site-b' });
    expect(res.status).toBe(403);
  });
});

describe('sites and tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'sites' });
  });
  afterAll(() => t.close());
  const admin = (method: 'post' | 'get' | 'patch' | 'delete', url: string) => request(t.app)[method](url).set('Authorization', `Bearer ${ADMIN_TOKEN}`);

  it('when a site is created, then its token is returned once and stored only as a hash', async () => {
    const res = await admin('post', '/v1/sites').send({ id: 'tribun-test', name: 'Tribun', webhookUrl: 'http://127.0.0.1:9/hook' });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^sar_/);
    expect(res.body.webhookSecret).toEqual(expect.any(String));
    const stored = await t.store.models.Principal.find({ siteIds: 'tribun-test' }).lean();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(res.body.token);
    expect((await admin('post', '/v1/sites').send({ id: 'tribun-test', name: 'again' })).status).toBe(409);
    expect((await admin('get', '/v1/sites/tribun-test')).body).toMatchObject({ id: 'tribun-test', name: 'Tribun' });
  });

  it('when a site policy is patched, then it is stored and audited', async () => {
    await admin('post', '/v1/sites').send({ id: 'policy-site', name: 'P' });
    const res = await admin('patch', '/v1/sites/policy-site').send({ policy: { preModeration: true, strictness: 'strict' } });
    expect(res.status).toBe(200);
    expect(res.body.policy).toMatchObject({ preModeration: true, strictness: 'strict' });
    expect(await t.store.models.Audit.countDocuments({ target: 'site:policy-site', action: 'site.update' })).toBe(1);
  });

  it('when a site runs pre-moderation, then even a clean comment is held', async () => {
    const { token } = await createSite(t.app, 'premod-site', { policy: { preModeration: true } });
    const res = await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${token}`).send(aComment());
    expect(res.body.status).toBe('pending');
  });

  it('when a non-admin creates a site or a token, then 403', async () => {
    const { token } = await createSite(t.app, 'plain-site');
    expect((await request(t.app).post('/v1/sites').set('Authorization', `Bearer ${token}`).send({ id: 'x1', name: 'x' })).status).toBe(403);
    expect((await request(t.app).post('/v1/principals').set('Authorization', `Bearer ${token}`).send({ role: 'admin' })).status).toBe(403);
  });

  it('when a token is revoked, then it is refused', async () => {
    await createSite(t.app, 'revoke-site');
    const created = await admin('post', '/v1/principals').send({ role: 'moderator', siteIds: ['revoke-site'] });
    expect(created.status).toBe(201);
    const ok = await request(t.app).get('/v1/comments').set('Authorization', `Bearer ${created.body.token}`);
    expect(ok.status).toBe(200);
    expect((await admin('delete', `/v1/principals/${created.body.id}`)).status).toBe(204);
    const refused = await request(t.app).get('/v1/comments').set('Authorization', `Bearer ${created.body.token}`);
    expect(refused.status).toBe(401);
    expect((await admin('delete', `/v1/principals/${created.body.id}`)).status).toBe(404);
  });

  it('when a token names an unknown site or a site token has two sites, then 422', async () => {
    expect((await admin('post', '/v1/principals').send({ role: 'moderator', siteIds: ['nope'] })).status).toBe(422);
    expect((await admin('post', '/v1/principals').send({ role: 'site', siteIds: ['tribun-test', 'policy-site'] })).status).toBe(422);
  });
});

describe('operations endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'ops' });
  });
  afterAll(() => t.close());

  it('when /healthz and /readyz are asked, then both report ok with the store up and rules loaded', async () => {
    expect((await request(t.app).get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await request(t.app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', store: 'up', rules: 'loaded' });
  });

  it('when /metrics is scraped after traffic, then requests and decisions are counted', async () => {
    const { token } = await createSite(t.app, 'metrics-site');
    await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${token}`).send(aComment());
    const res = await request(t.app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/saring_http_requests_total\{method="POST",route="\/v1\/comments",status="201"\} 1/);
    expect(res.text).toMatch(/saring_decisions_total\{status="approved",category="none"\} 1/);
    expect(res.text).toMatch(/saring_http_request_duration_seconds_bucket/);
  });
});

describe('site policy reaches the engine', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'policy' });
  });
  afterAll(() => t.close());

  it('when a site silences a category, then a comment caught only by it is approved there but not elsewhere', async () => {
    const loud = (await createSite(t.app, 'loud-site')).token;
    const quiet = (await createSite(t.app, 'quiet-site', { policy: { categoryActions: [{ category: 'kasar.directed', action: 'approve' }] } })).token;
    const body = aComment({ text: 'Dasar goblok lu' });
    const a = await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${loud}`).send(body);
    const b = await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${quiet}`).send(body);
    expect(a.body.reasons.some((r: { category: string }) => r.category === 'kasar.directed')).toBe(true);
    expect(b.body.reasons.some((r: { category: string }) => r.category === 'kasar.directed')).toBe(false);
  });
});

describe('webhook secrets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'secrets' });
  });
  afterAll(() => t.close());

  // regression: a site created without a webhook and given one later had no secret, so every delivery failed
  it('when a webhook URL is added to a site later, then a signing secret is created and shown once', async () => {
    await createSite(t.app, 'late-hook');
    const res = await request(t.app).patch('/v1/sites/late-hook').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ webhookUrl: 'http://127.0.0.1:9/hook' });
    expect(res.status).toBe(200);
    expect(res.body.webhookSecret).toEqual(expect.any(String));
    const stored = await t.store.models.Site.findById('late-hook').lean();
    expect(stored?.webhookSecret).toBe(res.body.webhookSecret);
    const again = await request(t.app).patch('/v1/sites/late-hook').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ webhookUrl: 'http://127.0.0.1:9/other' });
    expect(again.body.webhookSecret).toBeUndefined();
    expect((await t.store.models.Site.findById('late-hook').lean())?.webhookSecret).toBe(res.body.webhookSecret);
  });
});

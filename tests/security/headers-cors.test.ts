import request from 'supertest';
import { loadConfig, ConfigError } from '../../src/config';
import { buildTestApp, createSite, type TestApp } from '../support/app';

/** Security headers on every kind of answer, and CORS only for the configured moderator-page origins. */
describe('security headers and CORS', () => {
  let t: TestApp;
  let site: string;
  const moderatorOrigin = 'https://moderasi.example.id';

  beforeAll(async () => {
    t = await buildTestApp({ label: 'headers', env: { SARING_CORS_ORIGINS: `${moderatorOrigin}, http://localhost:5173` } });
    site = (await createSite(t.app, 'headers-site')).token;
  });
  afterAll(() => t.close());

  it.each([
    ['a JSON answer', () => request(t.app).get('/healthz')],
    ['an authenticated 201', () => request(t.app).post('/v1/comments').set('Authorization', `Bearer ${site}`).send({ externalId: 'h1', articleId: 'a', author: { id: 'u', name: 'U' }, text: 'halo' })],
    ['a 401', () => request(t.app).get('/v1/comments')],
    ['a 404', () => request(t.app).get('/nowhere')],
    ['a 400', () => request(t.app).post('/v1/moderate').set('Authorization', `Bearer ${site}`).set('Content-Type', 'application/json').send('{')],
  ])('when the service sends %s, then helmet headers are on it and X-Powered-By is not', async (_label, call) => {
    const res = await call();
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('when the configured moderator origin sends a preflight, then 204 allows its method and headers (no wildcard, no credentials)', async () => {
    const res = await request(t.app).options('/v1/comments/x/decision').set('Origin', moderatorOrigin).set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'authorization, content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(moderatorOrigin);
    expect(res.headers['access-control-allow-headers']).toMatch(/Authorization/);
    expect(res.headers['access-control-allow-methods']).toMatch(/POST/);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers.vary).toMatch(/Origin/);
  });

  it('when the configured origin makes a request, then the answer names it and exposes Retry-After and ETag', async () => {
    const res = await request(t.app).get('/v1/comments').set('Origin', moderatorOrigin);
    expect(res.status).toBe(401);
    expect(res.headers['access-control-allow-origin']).toBe(moderatorOrigin);
    expect(res.headers['access-control-expose-headers']).toMatch(/Retry-After/);
  });

  it('when another origin asks, then no CORS header allows it', async () => {
    const pre = await request(t.app).options('/v1/comments').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    const res = await request(t.app).get('/healthz').set('Origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when no origin is configured, then no CORS header is ever sent', async () => {
    const plain = await buildTestApp({ label: 'nocors' });
    try {
      const res = await request(plain.app).options('/v1/comments').set('Origin', moderatorOrigin).set('Access-Control-Request-Method', 'POST');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await plain.close();
    }
  });

  it.each([['*'], ['moderasi.example.id'], ['https://x.example/path'], ['javascript:alert(1)']])('when SARING_CORS_ORIGINS is %s, then the configuration is refused naming the variable', (value) => {
    expect(() => loadConfig({ SARING_CORS_ORIGINS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ SARING_CORS_ORIGINS: value })).toThrow(/SARING_CORS_ORIGINS/);
  });

  it.each([['SARING_RATE_TOKEN_PER_SEC', '-1'], ['SARING_RATE_AUTHOR_BURST', '0'], ['SARING_RATE_AUTHOR_PER_MIN', 'lots']])('when %s is %s, then the configuration is refused naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});

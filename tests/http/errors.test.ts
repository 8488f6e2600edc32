import request from 'supertest';
import { aComment, buildTestApp, createSite, type TestApp } from '../support/app';

describe('bad input gets a clear error', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'errors', env: { SARING_MAX_TEXT_LENGTH: '2000', SARING_BODY_LIMIT: '16kb' } });
    token = (await createSite(t.app, 'errors-site')).token;
  });
  afterAll(() => t.close());

  const raw = (body: string, type = 'application/json') =>
    request(t.app).post('/v1/comments').set('Authorization', `Bearer ${token}`).set('Content-Type', type).send(body);

  it('when the JSON is malformed, then 400 bad_json with a request id and no stack', async () => {
    const res = await raw('{"externalId": "x",');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_json');
    expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('when the body is larger than the limit, then 413', async () => {
    const res = await raw(JSON.stringify(aComment({ text: 'a'.repeat(20_000) })));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('when the body is not JSON, then 415', async () => {
    const res = await raw('text=hello', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it.each([
    ['a wrong type', { text: 42 }, 'text'],
    ['a missing field', { author: undefined }, 'author'],
    ['a nested wrong type', { author: { id: 'u', name: ['x'] } }, 'author.name'],
    ['an unknown field', { isAdmin: true }, ''],
    ['a MongoDB operator', { text: { $gt: '' } }, 'text.$gt'],
    ['an operator deep inside', { author: { id: { $ne: null }, name: 'x' } }, 'author.id.$ne'],
    ['a dotted key', { 'author.id': 'x' }, 'author.id'],
    ['a text over the length limit', { text: 'x'.repeat(2001) }, 'text'],
    ['an empty text', { text: '' }, 'text'],
  ])('when the body has %s, then 422 with the field path', async (_name, patch, pathName) => {
    const res = await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${token}`).send(aComment(patch));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    if (pathName) expect(paths).toContain(pathName);
    expect(await t.store.models.Comment.countDocuments({ text: { $exists: true }, 'author.id': { $exists: false } })).toBe(0);
  });

  it('when the route does not exist, then 404 in the same error shape', async () => {
    const res = await request(t.app).get('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('when a JSON array or scalar is sent, then 422 or 400, never 500', async () => {
    expect((await raw('[1,2,3]')).status).toBe(422);
    expect([400, 422]).toContain((await raw('"just a string"')).status);
    expect([400, 422]).toContain((await raw('null')).status);
  });
});

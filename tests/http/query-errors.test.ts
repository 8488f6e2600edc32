import request from 'supertest';
import { ADMIN_TOKEN, buildTestApp, createSite, type TestApp } from '../support/app';

/** A bad query string or path is reported as such, naming the field; never as "the request body". */
describe('a bad query string or path parameter gets an error that says where and which field', () => {
  let t: TestApp;
  const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
  beforeAll(async () => {
    t = await buildTestApp({ label: 'queryerrors' });
    await createSite(t.app, 'query-site');
  });
  afterAll(() => t.close());

  it('when GET /v1/comments?limit=500, then 422 says the query is invalid and that limit must be at most 200', async () => {
    const res = await request(t.app).get('/v1/comments?limit=500').set(admin);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toBe('The query string is invalid: limit must be ≤ 200.');
    expect(res.body.error.message).not.toMatch(/body/);
    expect(res.body.error.details).toEqual([expect.objectContaining({ in: 'query', path: 'limit' })]);
  });

  it.each([
    ['limit=0', /limit must be ≥ 1/],
    ['limit=abc', /^The query string is invalid: limit: /],
    ['status=maybe', /^The query string is invalid: status: /],
    ['nonsense=1', /^The query string is invalid: .*"nonsense"/],
  ])('when GET /v1/comments?%s, then the message names the field', async (qs, message) => {
    const res = await request(t.app).get(`/v1/comments?${qs}`).set(admin);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(message);
  });

  it('when the queue listing gets a bad query, then it too says the query is invalid', async () => {
    const res = await request(t.app).get('/v1/comments?queue=held&limit=9999').set(admin);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/^The query string is invalid: limit/);
  });

  it('when the compliance report gets a bad date, then the message names from', async () => {
    const res = await request(t.app).get('/v1/reports/compliance?siteId=query-site&from=yesterday').set(admin);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/^The query string is invalid: from/);
  });

  it('when a path parameter is too long, then the message says the path is invalid and names it', async () => {
    const res = await request(t.app).get(`/v1/sites/query-site/authors/${'a'.repeat(201)}`).set(admin);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('The path is invalid: authorId must be at most 200 characters.');
    expect(res.body.error.details).toEqual([expect.objectContaining({ in: 'path', path: 'authorId' })]);
  });

  it('when the body is invalid, then it still says the request body is invalid', async () => {
    const res = await request(t.app).post('/v1/sites').set(admin).send({ id: 42 });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/^The request body is invalid/);
  });
});

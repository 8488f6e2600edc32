import fc from 'fast-check';
import request from 'supertest';
import { decodeCursor, encodeCursor } from '../../src/store/cursor';
import { AppError } from '../../src/errors';
import { ADMIN_TOKEN, buildTestApp, createPrincipal, createSite, type TestApp } from '../support/app';

const b64 = (json: string) => Buffer.from(json).toString('base64url');

describe('the cursor codec', () => {
  it('when a cursor this service issued is decoded, then it gives back its key and id', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8.64e15 }), fc.string({ maxLength: 200 }), (key, id) => {
        expect(decodeCursor(encodeCursor(key, id))).toEqual([key, id]);
      }),
    );
  });

  it('when any string or JSON value is decoded, then it is a valid [key, id] or a 422 on cursor — never anything else', () => {
    const anyCursor = fc.oneof(fc.string({ maxLength: 80 }), fc.jsonValue({ maxDepth: 3 }).map((v) => b64(JSON.stringify(v))), fc.tuple(fc.double(), fc.string()).map((v) => b64(JSON.stringify(v))));
    fc.assert(
      fc.property(anyCursor, (cursor) => {
        try {
          const [key, id] = decodeCursor(cursor);
          expect(Number.isSafeInteger(key) && !Number.isNaN(new Date(key).getTime())).toBe(true);
          expect(typeof id).toBe('string');
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).status).toBe(422);
          expect((err as AppError).details?.[0]?.path).toBe('cursor');
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('malformed query parameters at the API', () => {
  let t: TestApp;
  let mod: string;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'cursorfuzz', env: { SARING_RATE_TOKEN_PER_SEC: '0' } });
    await createSite(t.app, 'fuzz-site');
    mod = await createPrincipal(t.app, 'moderator', ['fuzz-site']);
  });
  afterAll(() => t.close());

  it.each([
    ['a key past the Date range (regression: 500 with a CastError)', b64('[9e15,"x"]')],
    ['an overflowing key (regression: 500 with a CastError)', b64('[1e400,"x"]')],
    ['a fractional key', b64('[1.5,"x"]')],
    ['a negative key', b64('[-1,"x"]')],
    ['an over-long id', b64(JSON.stringify([1, 'x'.repeat(300)]))],
  ])('when the cursor is %s, then 422 naming cursor', async (_name, cursor) => {
    for (const path of [`/v1/comments?cursor=${cursor}`, `/v1/comments?queue=held&sort=due&cursor=${cursor}`]) {
      const res = await request(t.app).get(path).set('Authorization', `Bearer ${mod}`);
      expect(res.status).toBe(422);
      expect(res.body.error.details[0].path).toBe('cursor');
    }
  });

  it('when any generated value is given to any query parameter of a listing, then a 4xx naming it (or a 200) — never a 5xx', async () => {
    const routes = [
      { path: '/v1/comments', params: ['status', 'siteId', 'articleId', 'authorId', 'cursor', 'limit'] },
      { path: '/v1/comments?queue=held&sort=due', params: ['cursor', 'limit', 'siteId'] },
      { path: '/v1/reports/compliance?siteId=fuzz-site', params: ['from', 'to', 'format'] },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.nat(), fc.oneof(fc.string({ maxLength: 40 }), fc.double().map(String), fc.jsonValue().map((v) => b64(JSON.stringify(v)))), async (route, i, value) => {
        const param = route.params[i % route.params.length] as string;
        const sep = route.path.includes('?') ? '&' : '?';
        const res = await request(t.app).get(`${route.path}${sep}${param}=${encodeURIComponent(value)}`).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400 && res.status !== 404) expect(JSON.stringify(res.body.error.details ?? res.body.error.message)).toContain(param);
      }),
      { numRuns: 150 },
    );
  });
});

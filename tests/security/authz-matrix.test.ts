import request from 'supertest';
import type { Express } from 'express';
import { refusedUpgrade, TestSocket } from '../support/ws';
import { moderatorPageShipped, roles, startMatrixFixture, type MatrixFixture, type Role } from './support/matrix-fixture';
import { listRoutes } from './support/list-routes';

type Expect = Record<Role, number>;
interface Row {
  route: string;
  /** Builds the request for one call (fresh resources where a call consumes them). */
  call(fx: MatrixFixture): Promise<{ path: string; body?: unknown; type?: string }> | { path: string; body?: unknown; type?: string };
  expect: Expect;
  /** False skips the calls (the route still counts as covered). */
  runs?: boolean;
}

const all = (status: number): Expect => Object.fromEntries(roles.map((r) => [r, status])) as Expect;
const authed = (e: Omit<Expect, 'none' | 'bad' | 'revoked'>): Expect => ({ none: 401, bad: 401, revoked: 401, ...e });
const adminOnly = (status: number): Expect => authed({ siteOwn: 403, siteOther: 403, modOwn: 403, modOther: 403, admin: status, legalOwn: 403, legalOther: 403 });
const readers = (status: number): Expect => authed({ siteOwn: 403, siteOther: 403, modOwn: status, modOther: status, admin: status, legalOwn: 403, legalOther: 403 });
/** Take-down orders and author data: admins and legal officers; moderators read orders of their sites. */
const legalOnly = (own: number, other: number): Expect => authed({ siteOwn: 403, siteOther: 403, modOwn: 403, modOther: 403, admin: own, legalOwn: own, legalOther: other });
const orderReaders = (own: number, other: number): Expect => authed({ siteOwn: 403, siteOther: 403, modOwn: own, modOther: other, admin: own, legalOwn: own, legalOther: other });
let n = 0;

/** Every HTTP route (checked against the routers below) × every role → status. */
const rows: Row[] = [
  { route: 'GET /healthz', call: () => ({ path: '/healthz' }), expect: all(200) },
  { route: 'GET /readyz', call: () => ({ path: '/readyz' }), expect: all(200) },
  { route: 'GET /metrics', call: () => ({ path: '/metrics' }), expect: all(200) },
  { route: 'GET /v1/openapi.json', call: () => ({ path: '/v1/openapi.json' }), expect: all(200) },
  { route: 'GET /', call: () => ({ path: '/' }), expect: all(302) },
  { route: 'GET /moderator', call: () => ({ path: '/moderator' }), expect: all(200), runs: moderatorPageShipped },
  { route: 'GET /moderator/', call: () => ({ path: '/moderator/' }), expect: all(200), runs: moderatorPageShipped },
  { route: 'GET /moderator/reported', call: () => ({ path: '/moderator/reported' }), expect: all(301) },
  { route: 'GET /moderator/reported/', call: () => ({ path: '/moderator/reported/' }), expect: all(301) },
  { route: 'GET /moderator/vendor/chart.umd.js', call: () => ({ path: '/moderator/vendor/chart.umd.js' }), expect: all(200), runs: moderatorPageShipped },
  {
    route: 'POST /v1/comments',
    call: () => ({ path: '/v1/comments', body: { externalId: `m-${++n}`, articleId: 'a1', author: { id: `r${n}`, name: 'Pembaca' }, text: 'Semoga cepat selesai.' } }),
    // a site token always submits for its own site, so "other" is a 201 too
    expect: authed({ siteOwn: 201, siteOther: 201, modOwn: 403, modOther: 403, admin: 403, legalOwn: 403, legalOther: 403 }),
  },
  { route: 'GET /v1/comments', call: (fx) => ({ path: `/v1/comments?siteId=${fx.own}` }), expect: authed({ siteOwn: 200, siteOther: 403, modOwn: 200, modOther: 403, admin: 200, legalOwn: 200, legalOther: 403 }) },
  // another site's comment is a 404, so its existence is not revealed
  { route: 'GET /v1/comments/:id', call: (fx) => ({ path: `/v1/comments/${fx.commentId}` }), expect: authed({ siteOwn: 200, siteOther: 404, modOwn: 200, modOther: 404, admin: 200, legalOwn: 200, legalOther: 404 }) },
  {
    route: 'POST /v1/comments/:id/decision',
    call: async (fx) => ({ path: `/v1/comments/${await fx.heldComment()}/decision`, body: { status: 'approved' } }),
    expect: authed({ siteOwn: 403, siteOther: 403, modOwn: 200, modOther: 404, admin: 200, legalOwn: 403, legalOther: 403 }),
  },
  { route: 'POST /v1/moderate', call: (fx) => ({ path: '/v1/moderate', body: { text: 'halo', siteId: fx.own } }), expect: authed({ siteOwn: 200, siteOther: 403, modOwn: 200, modOther: 403, admin: 200, legalOwn: 200, legalOther: 403 }) },
  { route: 'GET /v1/rules', call: () => ({ path: '/v1/rules' }), expect: readers(200) },
  { route: 'GET /v1/rules/:name', call: (fx) => ({ path: `/v1/rules/${fx.ruleFile.name}` }), expect: readers(200) },
  { route: 'POST /v1/rules/validate', call: (fx) => ({ path: '/v1/rules/validate', body: fx.ruleFile }), expect: readers(200) },
  // the admin gets past authorization to the rule service, which is read-only in this app (409): nothing is written
  { route: 'PUT /v1/rules/:name', call: (fx) => ({ path: `/v1/rules/${fx.ruleFile.name}`, body: fx.ruleFile.content, type: 'application/yaml' }), expect: adminOnly(409) },
  {
    route: 'POST /v1/comments/:id/reports',
    call: (fx) => ({ path: `/v1/comments/${fx.commentId}/reports`, body: { reporterId: `reader-${++n}`, reason: 'other' } }),
    // a site reports for its readers on its own comments; another site's comment is not found
    expect: authed({ siteOwn: 201, siteOther: 404, modOwn: 403, modOther: 403, admin: 403, legalOwn: 403, legalOther: 403 }),
  },
  { route: 'GET /v1/comments/:id/reports', call: (fx) => ({ path: `/v1/comments/${fx.commentId}/reports` }), expect: authed({ siteOwn: 200, siteOther: 404, modOwn: 200, modOther: 404, admin: 200, legalOwn: 200, legalOther: 404 }) },
  {
    route: 'POST /v1/reports/:id/review',
    call: async (fx) => {
      const reporterId = `reviewed-${++n}`;
      await request(fx.live.app).post(`/v1/comments/${fx.commentId}/reports`).set('Authorization', `Bearer ${fx.tokens.siteOwn}`).send({ reporterId, reason: 'other' }).expect(201);
      return { path: `/v1/reports/${fx.commentId}:${reporterId}/review` };
    },
    // another site's report is not found, so its existence is not revealed
    expect: authed({ siteOwn: 403, siteOther: 403, modOwn: 200, modOther: 404, admin: 200, legalOwn: 403, legalOther: 403 }),
  },
  { route: 'GET /v1/reports/compliance', call: (fx) => ({ path: `/v1/reports/compliance?siteId=${fx.own}` }), expect: authed({ siteOwn: 403, siteOther: 403, modOwn: 200, modOther: 403, admin: 200, legalOwn: 200, legalOther: 403 }) },
  { route: 'GET /v1/sites/:id/authors/:authorId', call: (fx) => ({ path: `/v1/sites/${fx.own}/authors/reader-1` }), expect: authed({ siteOwn: 200, siteOther: 404, modOwn: 200, modOther: 404, admin: 200, legalOwn: 200, legalOther: 404 }) },
  {
    route: 'POST /v1/sites/:id/authors/:authorId/ban',
    call: (fx) => ({ path: `/v1/sites/${fx.own}/authors/banned-${++n}/ban`, body: { hours: 1, reason: 'spam' } }),
    expect: authed({ siteOwn: 403, siteOther: 403, modOwn: 200, modOther: 404, admin: 200, legalOwn: 403, legalOther: 403 }),
  },
  {
    route: 'DELETE /v1/sites/:id/authors/:authorId/ban',
    call: (fx) => ({ path: `/v1/sites/${fx.own}/authors/reader-1/ban`, body: { reason: 'appeal' } }),
    expect: authed({ siteOwn: 403, siteOther: 403, modOwn: 200, modOther: 404, admin: 200, legalOwn: 403, legalOther: 403 }),
  },
  {
    route: 'POST /v1/takedown-orders',
    call: async (fx) => ({ path: '/v1/takedown-orders', body: { orderNumber: `M-${++n}`, issuer: 'Komdigi', items: [{ commentId: await fx.heldComment() }] } }),
    // another site's legal officer cannot name the comment: a 422 that does not reveal it
    expect: legalOnly(201, 422),
  },
  { route: 'GET /v1/takedown-orders', call: () => ({ path: '/v1/takedown-orders' }), expect: orderReaders(200, 200) },
  { route: 'GET /v1/takedown-orders/:id', call: (fx) => ({ path: `/v1/takedown-orders/${fx.orderId}` }), expect: orderReaders(200, 404) },
  { route: 'POST /v1/takedown-orders/:id/warnings', call: (fx) => ({ path: `/v1/takedown-orders/${fx.orderId}/warnings`, body: { letterNumber: `W-${++n}` } }), expect: legalOnly(201, 404) },
  { route: 'POST /v1/takedown-orders/:id/complete', call: async (fx) => ({ path: `/v1/takedown-orders/${await fx.freshOrder()}/complete`, body: {} }), expect: orderReaders(200, 404) },
  { route: 'GET /v1/takedown-orders/:id/evidence', call: (fx) => ({ path: `/v1/takedown-orders/${fx.orderId}/evidence` }), expect: orderReaders(200, 404) },
  { route: 'GET /v1/sites/:id/authors/:authorId/export', call: (fx) => ({ path: `/v1/sites/${fx.own}/authors/reader-1/export` }), expect: legalOnly(200, 404) },
  { route: 'POST /v1/sites/:id/authors/:authorId/erase', call: (fx) => ({ path: `/v1/sites/${fx.own}/authors/erased-${++n}/erase`, body: { reason: 'uji matriks' } }), expect: legalOnly(200, 404) },
  { route: 'POST /v1/sites', call: () => ({ path: '/v1/sites', body: { id: `authz-new-${++n}`, name: 'Baru' } }), expect: adminOnly(201) },
  { route: 'GET /v1/sites/:id', call: (fx) => ({ path: `/v1/sites/${fx.own}` }), expect: adminOnly(200) },
  { route: 'PATCH /v1/sites/:id', call: (fx) => ({ path: `/v1/sites/${fx.own}`, body: { name: 'Situs uji' } }), expect: adminOnly(200) },
  // the fixture's site has no webhook URL: an admin gets past authorization to the 409
  { route: 'POST /v1/sites/:id/webhook-secret', call: (fx) => ({ path: `/v1/sites/${fx.own}/webhook-secret`, body: {} }), expect: adminOnly(409) },
  { route: 'POST /v1/principals', call: (fx) => ({ path: '/v1/principals', body: { role: 'moderator', siteIds: [fx.own] } }), expect: adminOnly(201) },
  { route: 'DELETE /v1/principals/:id', call: async (fx) => ({ path: `/v1/principals/${await fx.freshPrincipalId()}` }), expect: adminOnly(204) },
];

async function send(app: Express, method: string, r: { path: string; body?: unknown; type?: string }, token?: string) {
  let req = request(app)[method.toLowerCase() as 'get'](r.path);
  if (token) req = req.set('Authorization', `Bearer ${token}`);
  if (r.body !== undefined) req = req.type(r.type ?? 'application/json').send(r.body as object);
  return req;
}

describe('authorization matrix', () => {
  let fx: MatrixFixture;
  beforeAll(async () => {
    fx = await startMatrixFixture();
  });
  afterAll(() => fx.close());

  it('when the routers are listed, then every route has a row in this matrix (a new route must be added here)', () => {
    const covered = new Set(rows.map((r) => r.route));
    expect(listRoutes(fx.live.app).filter((r) => !covered.has(r))).toEqual([]);
  });

  const cases = rows.filter((r) => r.runs !== false).flatMap((row) => roles.map((role) => ({ route: row.route, role, status: row.expect[role], row })));
  it.each(cases)('when $role calls $route, then $status', async ({ row, role, status }) => {
    const [method] = row.route.split(' ');
    const res = await send(fx.live.app, method!, await row.call(fx), fx.tokens[role]);
    expect({ status: res.status, code: res.body?.error?.code }).toMatchObject({ status });
    if (status === 401) expect(res.body.error.code).toBe('unauthenticated');
    if (status === 403) expect(res.body.error.code).toBe('forbidden');
  });

  const stream: Record<Role, number> = { none: 401, bad: 401, revoked: 401, siteOwn: 403, siteOther: 403, modOwn: 101, modOther: 403, admin: 101, legalOwn: 403, legalOther: 403 };
  it.each(roles.map((role) => ({ role, status: stream[role] })))('when $role opens GET /v1/stream for the own site, then $status', async ({ role, status }) => {
    const url = `${fx.live.wsUrl}?siteIds=${fx.own}`;
    const token = fx.tokens[role];
    if (status === 101) {
      const socket = await TestSocket.open(url, { token });
      socket.close();
      return;
    }
    const refused = await refusedUpgrade(url, token ? { Authorization: `Bearer ${token}` } : {});
    expect(refused.status).toBe(status);
  });
});

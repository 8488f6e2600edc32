import Ajv2020 from 'ajv/dist/2020';
import request, { type Response } from 'supertest';
import { plannedOperations } from '../../src/http/openapi';
import { ADMIN_TOKEN, aComment, buildTestApp, createPrincipal, createSite, type TestApp } from '../support/app';
import { buildLiveRulesApp, type LiveRulesApp } from '../rules-api/live-rules';

type Json = Record<string, unknown>;
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, Json> }>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json> };
}

const base = 'https://saring.test/openapi.json';

/** A validator for documented responses: schemas are JSON Schema 2020-12, refs point into components. */
function responseChecker(doc: Doc) {
  const rebased = JSON.parse(JSON.stringify(doc).replaceAll('"#/components/schemas/', `"${base}#/$defs/`)) as Doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:/i);
  ajv.addSchema({ $id: base, $defs: rebased.components.schemas });

  const templates = Object.keys(rebased.paths).map((p) => ({ template: p, re: new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));
  return (method: string, url: string, res: Response): void => {
    const path = url.split('?')[0]!;
    const found = templates.find((t) => t.re.test(path));
    const where = `${method} ${path} → ${res.status}`;
    if (!found) throw new Error(`${where}: path not documented`);
    const op = rebased.paths[found.template]![method.toLowerCase()];
    if (!op) throw new Error(`${where}: method not documented`);
    let response = op.responses[String(res.status)];
    if (!response) throw new Error(`${where}: status not documented (documented: ${Object.keys(op.responses).join(', ')})`);
    if (typeof response.$ref === 'string') response = rebased.components.responses[response.$ref.split('/').pop()!]!;
    const content = response.content as Record<string, { schema: Json }> | undefined;
    if (!content) {
      expect(res.text ?? '').toBe('');
      return;
    }
    const type = String(res.headers['content-type'] ?? '').split(';')[0]!;
    const media = content[type];
    if (!media) throw new Error(`${where}: content type ${type} not documented`);
    if (type !== 'application/json') return;
    const validate = ajv.compile(media.schema);
    if (!validate(res.body)) throw new Error(`${where}: body does not match the schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(res.body).slice(0, 500)}`);
  };
}

describe('GET /v1/openapi.json', () => {
  let t: TestApp;
  let doc: Doc;
  let check: ReturnType<typeof responseChecker>;
  let site: string;
  let moderator: string;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'openapi' });
    site = (await createSite(t.app, 'openapi-site')).token;
    moderator = await createPrincipal(t.app, 'moderator', ['openapi-site']);
    const res = await request(t.app).get('/v1/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
    check = responseChecker(doc);
  });
  afterAll(() => t.close());

  it('when fetched without a token, then it is an OpenAPI 3.1 document whose refs all resolve', () => {
    expect(doc.openapi).toBe('3.1.0');
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(schemas|responses)\/([^"]+)"/g)];
    expect(refs.length).toBeGreaterThan(10);
    for (const [, kind, name] of refs) expect(doc.components[kind as 'schemas' | 'responses']).toHaveProperty([name!]);
  });

  it('when an operation is documented and not marked planned, then the app serves it (no catch-all 404)', async () => {
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        if (path === '/v1/stream' || plannedOperations.includes(`${method.toUpperCase()} ${path}`)) continue;
        const url = path.replace(/\{[^}]+\}/g, 'x-probe.yaml');
        const res = await request(t.app)[method as 'get'](url);
        if (res.status === 404 && /^No route for/.test(res.body?.error?.message ?? '')) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  type Call = [string, string, () => Promise<Response>];
  const calls: Call[] = [
    ['GET', '/healthz', () => request(t.app).get('/healthz')],
    ['GET', '/readyz', () => request(t.app).get('/readyz')],
    ['GET', '/v1/openapi.json', () => request(t.app).get('/v1/openapi.json')],
    ['POST', '/v1/comments', () => request(t.app).post('/v1/comments').set(auth(site)).send(aComment({ externalId: 'oa-1' }))],
    ['POST', '/v1/comments', () => request(t.app).post('/v1/comments').set(auth(site)).send(aComment({ externalId: 'oa-1' }))],
    ['POST', '/v1/comments', () => request(t.app).post('/v1/comments').set(auth(site)).send(aComment({ text: 42 }))],
    ['POST', '/v1/comments', () => request(t.app).post('/v1/comments').send(aComment())],
    ['POST', '/v1/comments', () => request(t.app).post('/v1/comments').set(auth(moderator)).send(aComment())],
    ['POST', '/v1/comments', () => request(t.app).post('/v1/comments').set(auth(site)).set('Content-Type', 'application/json').send('{"x":')],
    ['POST', '/v1/comments', () => request(t.app).post('/v1/comments').set(auth(site)).set('Content-Type', 'text/plain').send('hello')],
    ['GET', '/v1/comments', () => request(t.app).get('/v1/comments?siteId=openapi-site').set(auth(moderator))],
    ['GET', '/v1/comments', () => request(t.app).get('/v1/comments?limit=0').set(auth(moderator))],
    ['GET', '/v1/comments/c_missing', () => request(t.app).get('/v1/comments/c_missing').set(auth(moderator))],
    ['POST', '/v1/comments/c_missing/decision', () => request(t.app).post('/v1/comments/c_missing/decision').set(auth(moderator)).send({ status: 'approved' })],
    ['POST', '/v1/moderate', () => request(t.app).post('/v1/moderate').set(auth(moderator)).send({ text: 'Dasar anjing lu, goblok!' })],
    ['POST', '/v1/moderate', () => request(t.app).post('/v1/moderate').set(auth(moderator)).send({})],
    ['POST', '/v1/sites', () => request(t.app).post('/v1/sites').set(auth(ADMIN_TOKEN)).send({ id: 'openapi-two', name: 'Two', webhookUrl: 'https://example.test/hook' })],
    ['POST', '/v1/sites', () => request(t.app).post('/v1/sites').set(auth(ADMIN_TOKEN)).send({ id: 'openapi-two', name: 'Two' })],
    ['GET', '/v1/sites/openapi-two', () => request(t.app).get('/v1/sites/openapi-two').set(auth(ADMIN_TOKEN))],
    ['PATCH', '/v1/sites/openapi-two', () => request(t.app).patch('/v1/sites/openapi-two').set(auth(ADMIN_TOKEN)).send({ name: 'Two, renamed', policy: { strictness: 'strict', categoryActions: [{ category: 'kasar.directed', action: 'review' }] } })],
    ['POST', '/v1/principals', () => request(t.app).post('/v1/principals').set(auth(ADMIN_TOKEN)).send({ role: 'moderator', siteIds: ['openapi-two'] })],
    ['DELETE', '/v1/principals/nope', () => request(t.app).delete('/v1/principals/nope').set(auth(ADMIN_TOKEN))],
    ['GET', '/v1/rules', () => request(t.app).get('/v1/rules').set(auth(moderator))],
    ['GET', '/v1/rules', () => request(t.app).get('/v1/rules').set(auth(site))],
    ['GET', '/v1/rules/missing.yaml', () => request(t.app).get('/v1/rules/missing.yaml').set(auth(moderator))],
    ['GET', '/v1/rules/..%2fpackage.json', () => request(t.app).get('/v1/rules/..%2fpackage.json').set(auth(moderator))],
    ['PUT', '/v1/rules/x.yaml', () => request(t.app).put('/v1/rules/x.yaml').set(auth(moderator)).type('application/yaml').send('x: 1')],
    ['POST', '/v1/rules/validate', () => request(t.app).post('/v1/rules/validate').set(auth(moderator)).send({ name: 'x.yaml', content: 'category: [' })],
    ['POST', '/v1/rules/validate', () => request(t.app).post('/v1/rules/validate').set(auth(moderator)).send({ nothing: true })],
  ];

  it.each(calls.map(([m, u, f], i) => [`${i + 1}. ${m} ${u}`, m, u, f] as const))('when %s is answered, then its status and body are as documented', async (_label, method, url, call) => {
    const res = await call();
    check(method, url, res);
  });

  it('when a comment is decided, then the answer matches the documented comment', async () => {
    const created = await request(t.app).post('/v1/comments').set(auth(site)).send(aComment({ text: 'Dasar anjing lu, goblok!' }));
    const decided = await request(t.app).post(`/v1/comments/${created.body.id}/decision`).set(auth(moderator)).send({ status: 'approved', note: 'konteks berita' });
    expect(decided.status).toBe(200);
    check('POST', `/v1/comments/${created.body.id}/decision`, decided);
    const one = await request(t.app).get(`/v1/comments/${created.body.id}`).set(auth(moderator));
    check('GET', `/v1/comments/${created.body.id}`, one);
  });

  it('when a comment is reported, an author banned and the reports read, then every answer is as documented', async () => {
    const created = await request(t.app).post('/v1/comments').set(auth(site)).send(aComment({ text: 'Semoga cepat pulih.', author: { id: 'oa-author', name: 'A' } }));
    const reportsUrl = `/v1/comments/${created.body.id}/reports`;
    const report = () => request(t.app).post(reportsUrl).set(auth(site)).send({ reporterId: 'reader-9', reason: 'other', note: 'spam?' });
    const first = await report();
    expect(first.status).toBe(201);
    check('POST', reportsUrl, first);
    check('POST', reportsUrl, await report());
    check('POST', reportsUrl, await request(t.app).post(reportsUrl).set(auth(site)).send({ reporterId: 'r', reason: 'Not A Category' }));
    check('GET', reportsUrl, await request(t.app).get(reportsUrl).set(auth(moderator)));
    const author = '/v1/sites/openapi-site/authors/oa-author';
    const banned = await request(t.app).post(`${author}/ban`).set(auth(moderator)).send({ hours: 24, reason: 'spam berulang' });
    expect(banned.status).toBe(200);
    check('POST', `${author}/ban`, banned);
    check('POST', `${author}/ban`, await request(t.app).post(`${author}/ban`).set(auth(moderator)).send({ reason: 'no length' }));
    check('GET', author, await request(t.app).get(author).set(auth(moderator)));
    check('DELETE', `${author}/ban`, await request(t.app).delete(`${author}/ban`).set(auth(moderator)));
    check('GET', '/v1/comments', await request(t.app).get('/v1/comments?queue=reported').set(auth(moderator)));
    const compliance = await request(t.app).get('/v1/reports/compliance?siteId=openapi-site').set(auth(moderator));
    expect(compliance.status).toBe(200);
    check('GET', '/v1/reports/compliance', compliance);
    check('GET', '/v1/reports/compliance', await request(t.app).get('/v1/reports/compliance?siteId=openapi-site&format=csv').set(auth(moderator)));
    check('GET', '/v1/reports/compliance', await request(t.app).get('/v1/reports/compliance?from=yesterday').set(auth(moderator)));
  });

  it('when a take-down order is recorded, warned, completed and its evidence read, and an author exported and erased, then every answer is as documented', async () => {
    const legal = await createPrincipal(t.app, 'legal', ['openapi-site']);
    const created = await request(t.app).post('/v1/comments').set(auth(site)).send(aComment({ text: 'Semoga lekas membaik.', articleUrl: 'https://openapi.test/a/1', author: { id: 'oa-writer', name: 'Penulis' } }));
    const orders = '/v1/takedown-orders';
    const order = await request(t.app).post(orders).set(auth(legal)).send({ orderNumber: 'OA-1', issuer: 'Komdigi', urgent: true, items: [{ commentId: created.body.id }, { articleUrl: 'https://openapi.test/a/1', note: 'semua' }] });
    expect(order.status).toBe(201);
    check('POST', orders, order);
    check('POST', orders, await request(t.app).post(orders).set(auth(legal)).send({ orderNumber: 'OA-1', issuer: 'Komdigi', urgent: true, items: [{ commentId: created.body.id }, { articleUrl: 'https://openapi.test/a/1', note: 'semua' }] }));
    check('POST', orders, await request(t.app).post(orders).set(auth(legal)).send({ orderNumber: 'OA-1', issuer: 'Lain', items: [{ commentId: created.body.id }] }));
    check('POST', orders, await request(t.app).post(orders).set(auth(legal)).send({ orderNumber: 'OA-2', issuer: 'Komdigi', items: [{ commentId: 'c_nope' }] }));
    check('POST', orders, await request(t.app).post(orders).set(auth(moderator)).send({ orderNumber: 'OA-3', issuer: 'Komdigi', items: [] }));
    const one = `${orders}/${order.body.id}`;
    check('GET', orders, await request(t.app).get(`${orders}?status=open`).set(auth(moderator)));
    check('GET', orders, await request(t.app).get(`${orders}?status=late`).set(auth(moderator)));
    check('GET', one, await request(t.app).get(one).set(auth(moderator)));
    check('GET', `${orders}/to_nope`, await request(t.app).get(`${orders}/to_nope`).set(auth(moderator)));
    check('POST', `${one}/warnings`, await request(t.app).post(`${one}/warnings`).set(auth(legal)).send({ letterNumber: 'ST-1' }));
    check('POST', `${one}/warnings`, await request(t.app).post(`${one}/warnings`).set(auth(legal)).send({ letter: 'ST-1' }));
    check('GET', `${one}/evidence`, await request(t.app).get(`${one}/evidence`).set(auth(legal)));
    const done = await request(t.app).post(`${one}/complete`).set(auth(moderator)).send({ note: 'selesai' });
    expect(done.status).toBe(200);
    check('POST', `${one}/complete`, done);
    check('POST', `${one}/complete`, await request(t.app).post(`${one}/complete`).set(auth(moderator)).send({}));
    const evidence = await request(t.app).get(`${one}/evidence`).set(auth(legal));
    check('GET', `${one}/evidence`, evidence);
    check('GET', `${one}/evidence`, await request(t.app).get(`${one}/evidence?format=html`).set(auth(legal)));
    check('GET', `${one}/evidence`, await request(t.app).get(`${one}/evidence?format=pdf`).set(auth(legal)));
    const compliance = await request(t.app).get('/v1/reports/compliance?siteId=openapi-site').set(auth(legal));
    check('GET', '/v1/reports/compliance', compliance);
    expect(compliance.body.takedowns.orders).toHaveLength(1);

    const writer = '/v1/sites/openapi-site/authors/oa-writer';
    const exported = await request(t.app).get(`${writer}/export`).set(auth(legal));
    expect(exported.status).toBe(200);
    check('GET', `${writer}/export`, exported);
    check('GET', `${writer}/export`, await request(t.app).get(`${writer}/export`).set(auth(moderator)));
    check('GET', `${writer}/export`, await request(t.app).get('/v1/sites/nope/authors/oa-writer/export').set(auth(legal)));
    check('POST', `${writer}/erase`, await request(t.app).post(`${writer}/erase`).set(auth(legal)).send({ reason: 'Penulis minta dihapus' }));
    const erased = await request(t.app).post(`${writer}/erase`).set(auth(legal)).send({ reason: 'permintaan pemilik data', requestRef: 'DPO-1' });
    expect(erased.status).toBe(200);
    check('POST', `${writer}/erase`, erased);
    check('POST', `${writer}/erase`, await request(t.app).post(`${writer}/erase`).set(auth(legal)).send({}));
  });
});

describe('the documented rules API, against live rule files', () => {
  let t: LiveRulesApp;
  let check: ReturnType<typeof responseChecker>;
  beforeAll(async () => {
    t = await buildLiveRulesApp('openapi-rules');
    check = responseChecker((await request(t.app).get('/v1/openapi.json')).body);
  });
  afterAll(() => t.close());

  const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
  const url = '/v1/rules/kasar.yaml';

  it('when rule files are read, written, refused and created, then every answer is as documented', async () => {
    const yaml = await request(t.app).get(url).set(admin);
    check('GET', url, yaml);
    const asJson = await request(t.app).get(url).set(admin).set('Accept', 'application/json');
    check('GET', url, asJson);
    check('GET', url, await request(t.app).get(url).set(admin).set('If-None-Match', yaml.headers.etag!));
    const put = (headers: Record<string, string>, body: string) => request(t.app).put(url).set(admin).set(headers).type('application/yaml').send(body);
    check('PUT', url, await put({}, yaml.text));
    check('PUT', url, await put({ 'If-Match': '"stale"' }, yaml.text));
    check('PUT', url, await put({ 'If-Match': yaml.headers.etag! }, 'category: [broken'));
    const ok = await put({ 'If-Match': yaml.headers.etag! }, `${yaml.text}\n# ok\n`);
    expect(ok.status).toBe(200);
    check('PUT', url, ok);
    const created = await request(t.app).put('/v1/rules/baru.yaml').set(admin).set('If-None-Match', '*').type('text/plain').send(yaml.text.replace(/id: kasar\./g, 'id: baru.'));
    expect(created.status).toBe(201);
    check('PUT', '/v1/rules/baru.yaml', created);
    const valid = await request(t.app).post('/v1/rules/validate').set(admin).send({ files: [{ name: 'kasar.yaml', content: yaml.text }] });
    check('POST', '/v1/rules/validate', valid);
    check('GET', '/v1/rules', await request(t.app).get('/v1/rules').set(admin));
    // Four writes and a validation, each compiling the whole ruleset in a fresh worker thread
    // (under jest the worker compiles the TypeScript sources too): ~13 s alone, over 30 s on a loaded CI machine.
  }, 120_000);
});

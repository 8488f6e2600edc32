import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createPrincipal, createSite } from '../support/app';
import { admin, buildLiveRulesApp, type LiveRulesApp } from './live-rules';

describe('GET /v1/rules, POST /v1/rules/validate, and rule file names', () => {
  let t: LiveRulesApp;
  let moderator: string;
  let site: string;
  beforeAll(async () => {
    t = await buildLiveRulesApp('rules-read');
    site = (await createSite(t.app, 'rules-read-site')).token;
    moderator = await createPrincipal(t.app, 'moderator', ['rules-read-site']);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const kasar = () => readFileSync(path.join(t.rulesDir, 'kasar.yaml'), 'utf8');

  it('when a moderator lists the rules, then every file comes with its category, rule count, ETag and the serving version', async () => {
    const res = await request(t.app).get('/v1/rules').set(as(moderator));
    expect(res.status).toBe(200);
    expect(res.body.rulesetVersion).toBe(t.ruleService.current().version);
    const names = res.body.files.map((f: { name: string }) => f.name);
    expect(names).toEqual(readdirSync(t.rulesDir).filter((f) => /\.ya?ml$/.test(f)).sort());
    const file = res.body.files.find((f: { name: string }) => f.name === 'kasar.yaml');
    expect(file).toMatchObject({ categories: expect.arrayContaining(['kasar.directed']), loaded: true, etag: expect.stringMatching(/^"[0-9a-f]{64}"$/) });
    expect(file.ruleCount).toBeGreaterThan(0);
    const one = await request(t.app).get('/v1/rules/kasar.yaml').set(as(moderator));
    expect(one.headers.etag).toBe(file.etag);
  });

  it('when a site token asks for the rules, then 403; without a token, 401', async () => {
    expect((await request(t.app).get('/v1/rules').set(as(site))).status).toBe(403);
    expect((await request(t.app).get('/v1/rules')).status).toBe(401);
  });

  it.each([
    ['a parent path, encoded', '/v1/rules/..%2F..%2Fpackage.json'],
    ['a dot-dot name', '/v1/rules/%2e%2e'],
    ['dots encoded before a file', '/v1/rules/%2e%2e%2fetc%2fpasswd'],
    ['an absolute path', '/v1/rules/%2Fetc%2Fpasswd'],
    ['a backslash path', '/v1/rules/..%5C..%5Cpackage.json'],
    ['a hidden file', '/v1/rules/.kasar.yaml'],
    ['another extension', '/v1/rules/kasar.json'],
    ['upper case', '/v1/rules/KASAR.yaml'],
    ['a NUL byte', '/v1/rules/kasar.yaml%00.txt'],
  ])('when the name is %s, then reading and writing are refused and nothing outside rules/ is touched', async (_name, url) => {
    const read = await request(t.app).get(url).set(admin);
    expect([400, 404]).toContain(read.status);
    expect(read.text).not.toContain('"name": "saring"');
    const write = await request(t.app).put(url).set(admin).set('If-None-Match', '*').type('text/yaml').send('category: x');
    expect([400, 404]).toContain(write.status);
    expect(readdirSync(t.rulesDir).every((f) => !f.includes('passwd') && !f.includes('package'))).toBe(true);
  });

  it('when the raw path climbs out, then no route matches', async () => {
    expect((await request(t.app).get('/v1/rules/../../package.json').set(admin)).status).toBe(404);
  });

  it('when a good candidate is validated, then ok with the version it would make, and nothing is written', async () => {
    const content = kasar().replace('terms: [bangsat,', 'terms: [zzkasar, bangsat,');
    const res = await request(t.app).post('/v1/rules/validate').set(as(moderator)).send({ name: 'kasar.yaml', content });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, issues: [] });
    expect(res.body.rulesetVersion).not.toBe(t.ruleService.current().version);
    expect(kasar()).not.toContain('zzkasar');
  });

  it('when several candidates clash with each other, then the issues name the file, line and rule id', async () => {
    const dup = ['category: kasar.extra', 'legalBasis: "x"', 'action: flag', 'messages: { id: x, en: x }', 'rules:', '  - id: kasar.insult', '    terms: [zzdup]', ''].join('\n');
    const res = await request(t.app).post('/v1/rules/validate').set(admin).send({ files: [{ name: 'extra.yaml', content: dup }] });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'extra.yaml', line: 6, ruleId: 'kasar.insult', message: expect.stringContaining('duplicate') })]));
    expect(readdirSync(t.rulesDir)).not.toContain('extra.yaml');
  });

  it.each([
    ['no name', { content: 'x' }, 422],
    ['a traversal name', { name: '../x.yaml', content: 'x' }, 400],
    ['an operator key', { name: 'x.yaml', content: { $gt: '' } }, 422],
    ['an empty file list', { files: [] }, 422],
  ])('when the validate body has %s, then %s', async (_name, body, status) => {
    const res = await request(t.app).post('/v1/rules/validate').set(admin).send(body);
    expect(res.status).toBe(status);
  });
});

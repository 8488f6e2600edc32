import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createPrincipal, createSite } from '../support/app';
import { admin, buildLiveRulesApp, type LiveRulesApp } from './live-rules';

const NEW_TERM = 'kampretozaurus';
/** A kasar.yaml edit: a new insult, with an example that proves it. */
const addTerm = (yaml: string) => yaml.replace('terms: [bangsat,', `terms: [${NEW_TERM}, bangsat,`).replace('        - "bgst emang"', `        - "bgst emang"\n        - "${NEW_TERM} semua"`);

describe('PUT /v1/rules/:name', () => {
  let t: LiveRulesApp;
  let moderator: string;
  beforeAll(async () => {
    t = await buildLiveRulesApp('rules-edit');
    await createSite(t.app, 'rules-site');
    moderator = await createPrincipal(t.app, 'moderator', ['rules-site']);
  });
  afterAll(() => t.close());

  const get = () => request(t.app).get('/v1/rules/kasar.yaml').set(admin);
  const put = (content: string, headers: Record<string, string>) => request(t.app).put('/v1/rules/kasar.yaml').set(admin).set(headers).type('application/yaml').send(content);
  const moderate = (text: string) => request(t.app).post('/v1/moderate').set(admin).send({ text });
  const onDisk = () => readFileSync(path.join(t.rulesDir, 'kasar.yaml'), 'utf8');

  it('when a file is read, then its raw YAML comes with a strong ETag that If-None-Match revalidates', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/yaml/);
    expect(res.text).toBe(onDisk());
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await get().set('If-None-Match', res.headers.etag!);
    expect(again.status).toBe(304);
  });

  it('when JSON is asked for, then the content, hash and rule summary come as JSON with the same ETag', async () => {
    const yaml = await get();
    const res = await get().set('Accept', 'application/json');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'kasar.yaml', content: onDisk(), etag: yaml.headers.etag, categories: expect.arrayContaining(['kasar.directed']) });
    expect(res.body.ruleCount).toBeGreaterThan(0);
    expect(res.headers.etag).toBe(yaml.headers.etag);
  });

  it('when If-Match is missing, then 428 and nothing is written', async () => {
    const before = onDisk();
    const res = await put(addTerm(before), {});
    expect(res.status).toBe(428);
    expect(res.body.error.code).toBe('precondition_required');
    expect(onDisk()).toBe(before);
  });

  it.each([['a stale ETag', '"0000000000000000000000000000000000000000000000000000000000000000"'], ['a weak ETag', 'WEAK']])('when If-Match holds %s, then 412 and nothing is written', async (_name, tag) => {
    const before = await get();
    const ifMatch = tag === 'WEAK' ? `W/${before.headers.etag}` : tag;
    const res = await put(addTerm(before.text), { 'If-Match': ifMatch });
    expect(res.status).toBe(412);
    expect(res.body.error.code).toBe('precondition_failed');
    expect(onDisk()).toBe(before.text);
  });

  it('when a moderator tries to edit, then 403 and nothing is written', async () => {
    const before = await get();
    const res = await request(t.app).put('/v1/rules/kasar.yaml').set('Authorization', `Bearer ${moderator}`).set('If-Match', before.headers.etag!).type('application/yaml').send(addTerm(before.text));
    expect(res.status).toBe(403);
    expect(onDisk()).toBe(before.text);
  });

  it('when a broken file is sent, then 422 names file, line and rule id, nothing is written, and the old ruleset keeps serving', async () => {
    const before = await get();
    const versionBefore = (await moderate('halo')).body.rulesetVersion;
    // The example promises a match the rule cannot make.
    const broken = before.text.replace('        - "bgst emang"', '        - "bgst emang"\n        - "selamat pagi semuanya"');
    const res = await put(broken, { 'If-Match': before.headers.etag! });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'kasar.yaml', line: expect.any(Number), ruleId: 'kasar.insult', message: expect.stringContaining('selamat pagi') })]));
    expect(onDisk()).toBe(before.text);
    expect(readdirSync(t.rulesDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const after = await moderate('Dasar anjing lu, goblok!');
    expect(after.body.rulesetVersion).toBe(versionBefore);
    expect(after.body.reasons.length).toBeGreaterThan(0);
    expect(await t.store.models.RuleVersion.countDocuments({ name: 'kasar.yaml' })).toBe(0);
  });

  it('when YAML does not parse, then 422 points at the line', async () => {
    const before = await get();
    const res = await put(`${before.text}\nrules: [unclosed\n`, { 'If-Match': before.headers.etag! });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ file: 'kasar.yaml', line: expect.any(Number) });
  });

  it('when a good edit is sent, then it is live on the next POST /v1/moderate, versioned and audited, with the new ETag', async () => {
    expect((await moderate(`${NEW_TERM} semua`)).body.status).toBe('approved');
    const before = await get();
    const content = addTerm(before.text);
    const res = await put(content, { 'If-Match': before.headers.etag! });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'kasar.yaml', created: false, etag: res.headers.etag });
    expect(res.headers.etag).not.toBe(before.headers.etag);
    expect(onDisk()).toBe(content);

    const decision = await moderate(`${NEW_TERM} semua`);
    expect(decision.body.reasons.map((r: { ruleId: string }) => r.ruleId)).toContain('kasar.insult');
    expect(decision.body.rulesetVersion).toBe(res.body.rulesetVersion);

    const versions = await t.store.models.RuleVersion.find({ name: 'kasar.yaml' }).lean();
    expect(versions).toEqual([expect.objectContaining({ hash: res.body.hash, content, changedBy: 'bootstrap-admin' })]);
    const audit = await t.store.models.Audit.find({ target: 'rules:kasar.yaml' }).lean();
    expect(audit).toEqual([expect.objectContaining({ actor: 'bootstrap-admin', action: 'rules.update', before: { hash: before.headers.etag!.slice(1, -1) }, after: expect.objectContaining({ hash: res.body.hash }) })]);

    expect((await get()).headers.etag).toBe(res.headers.etag);
    const stale = await put(content.replace(NEW_TERM, 'x'), { 'If-Match': before.headers.etag! });
    expect(stale.status).toBe(412);
  });

  it('when the content is sent as JSON {content}, then it is accepted the same way', async () => {
    const before = await get();
    const content = `${before.text}\n# catatan redaksi\n`;
    const res = await request(t.app).put('/v1/rules/kasar.yaml').set(admin).set('If-Match', before.headers.etag!).send({ content });
    expect(res.status).toBe(200);
    expect(onDisk()).toBe(content);
  });

  it('when a new file is created with If-None-Match: *, then 201 and its rules serve; a second create is 412', async () => {
    const file = [
      'category: spam.test',
      'legalBasis: "Kebijakan situs"',
      'action: flag',
      'messages: { id: Uji., en: Test. }',
      'rules:',
      '  - id: spam.testword',
      '    terms: [zzyzxword]',
      '    examples: { match: ["beli zzyzxword"], noMatch: ["beli sayur"] }',
      '',
    ].join('\n');
    const send = () => request(t.app).put('/v1/rules/uji-coba.yaml').set(admin).set('If-None-Match', '*').type('text/yaml').send(file);
    const res = await send();
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(true);
    expect((await moderate('beli zzyzxword')).body.reasons.map((r: { ruleId: string }) => r.ruleId)).toContain('spam.testword');
    expect((await send()).status).toBe(412);
    expect((await request(t.app).put('/v1/rules/belum-ada.yaml').set(admin).set('If-Match', '*').type('text/yaml').send(file)).status).toBe(412);
  });

  it('when the body is another media type, then 415', async () => {
    const before = await get();
    const res = await request(t.app).put('/v1/rules/kasar.yaml').set(admin).set('If-Match', before.headers.etag!).set('Content-Type', 'application/x-www-form-urlencoded').send('a=b');
    expect(res.status).toBe(415);
  });

  it('when two edits race on the same ETag, then exactly one wins and the other gets 412', async () => {
    const before = await get();
    const results = await Promise.all([1, 2].map((n) => put(`${before.text}\n# edit ${n}\n`, { 'If-Match': before.headers.etag! })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
  });
});

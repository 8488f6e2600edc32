import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import { moderate } from '../../src/moderation';
import { readCleanSample } from '../../src/rules/clean-sample';
import { loadRulesetFromDir } from '../../src/rules/load';
import { RULES_DIR } from '../support/app';
import { admin, buildLiveRulesApp, type LiveRulesApp } from '../rules-api/live-rules';

const header = ['category: zz.test', 'legalBasis: "test"', 'action: flag', 'messages: { id: x, en: x }', 'rules:'];
const ruleFile = (lines: string[]) => [...header, ...lines, ''].join('\n');
const aliasBomb = ruleFile([
  '  - id: zz.bomb',
  '    terms: [zzbomb]',
  'x0: &a [q, q, q, q, q, q, q, q, q, q]',
  'x1: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'x2: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'x3: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'x4: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
]);
const costlyPattern = '(?:[a-z][0-9]?){1,1000}[!?]';
const slowExamples = ruleFile([
  '  - id: zz.slow',
  `    patterns: ["${costlyPattern}", "${costlyPattern.replace('!?', '.;')}"]`,
  '    examples:',
  '      match:',
  // a match first, so the patterns' gates (a letter then "!"/"?" or "."/";") pass and each
  // pattern then searches the 10,000 characters after it for more matches
  ...Array.from({ length: 5 }, () => `        - "a!a;${'ab1'.repeat(3330)}"`),
]);

describe('rule validation within budgets', () => {
  let t: LiveRulesApp;
  beforeAll(async () => {
    t = await buildLiveRulesApp('rules-budget', { SARING_RATE_TOKEN_PER_SEC: '0', SARING_RULES_VALIDATE_PER_MIN: '0', SARING_RULES_MAX_EXAMPLE_LENGTH: '20000', SARING_RULES_VALIDATE_CONCURRENCY: '4', SARING_RULES_VALIDATE_TIMEOUT_MS: '3000' });
  });
  afterAll(() => t.close());
  const validate = (name: string, content: string) => request(t.app).post('/v1/rules/validate').set(admin).send({ name, content });

  it('when a rule file is a YAML alias bomb (regression: 500 "Excessive alias count"), then 422 naming the file, the line and the limit', async () => {
    for (const res of [await validate('bomb.yaml', aliasBomb), await request(t.app).put('/v1/rules/bomb.yaml').set(admin).set('If-None-Match', '*').type('application/yaml').send(aliasBomb)]) {
      expect(res.status).toBe(422);
      expect(res.body.error.details[0]).toMatchObject({ file: 'bomb.yaml', line: 9, limit: 'maxAliases' });
    }
  });

  it('when a file is 400 kB of nested flow sequences (regression: "Maximum call stack size exceeded"), then 422 maxDepth with the line', async () => {
    const res = await validate('deep.yaml', `a: ${'['.repeat(400_000)}`);
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ file: 'deep.yaml', line: 1, limit: 'maxDepth' });
  });

  const manyRules = (rules: number, patterns: number) =>
    ruleFile(Array.from({ length: rules }, (_, i) => `  - id: zz.r${i}\n    patterns: [${Array.from({ length: patterns }, (_, k) => `"p${i}x${k}"`).join(', ')}]`));

  it('when a file has 980 rules × 50 patterns (regression: a 20 s stall), then 422 naming the size limit with the numbers', async () => {
    const res = await validate('many.yaml', manyRules(980, 50));
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ file: 'many.yaml', limit: 'maxFileBytes' });
    expect(res.body.error.message).toMatch(/many\.yaml has \d+ bytes; the limit is 524288 \(maxFileBytes\)/);
  });

  it('when a small file has 600 rules of one pattern, then 422 naming the rule and pattern limits', async () => {
    const res = await validate('many.yaml', manyRules(600, 1));
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { limit: string }) => d.limit)).toEqual(['maxRules', 'maxPatterns']);
    expect(res.body.error.message).toMatch(/600 rules; the limit is 500/);
  });

  it('when examples cost seconds to run (regression: 17.6 s with /healthz frozen), then 422 within the time budget and /healthz answers meanwhile', async () => {
    const server: Server = t.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const started = Date.now();
      const slow = fetch(`${base}/v1/rules/validate`, { method: 'POST', headers: { ...admin, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'slow.yaml', content: slowExamples }) });
      const health: number[] = [];
      let answered = false;
      void slow.then(() => (answered = true));
      while (!answered && Date.now() - started < 15_000) {
        const at = Date.now();
        await fetch(`${base}/healthz`);
        health.push(Date.now() - at);
        await new Promise((r) => setTimeout(r, 100));
      }
      const res = await slow;
      const body = (await res.json()) as { error: { details: Array<{ limit: string }> } };
      expect(res.status).toBe(422);
      expect(body.error.details[0]?.limit).toBe('timeoutMs');
      expect(Date.now() - started).toBeLessThan(12_000);
      expect(health.length).toBeGreaterThan(3);
      expect(Math.max(...health)).toBeLessThan(1000);
    } finally {
      await new Promise((r) => server.close(r));
    }
  }, 30_000);

});

describe('the cost gate on accepted rulesets', () => {
  let t: LiveRulesApp;
  beforeAll(async () => {
    t = await buildLiveRulesApp('rules-cost', { SARING_RATE_TOKEN_PER_SEC: '0', SARING_RULES_VALIDATE_PER_MIN: '0' });
  });
  afterAll(() => t.close());
  const rejectAll = ruleFile(['  - id: zz.everything', '    action: reject', '    patterns: ["[a-z0-9]"]']).replace('action: flag', 'action: reject');
  const put = (q = '') => request(t.app).put(`/v1/rules/everything.yaml${q}`).set(admin).set('If-None-Match', '*').type('application/yaml').send(rejectAll);
  it('when a candidate is valid and cheap, then validate says ok with its cost on the clean sample', async () => {
    const res = await request(t.app).post('/v1/rules/validate').set(admin).send({ name: 'cheap.yaml', content: ruleFile(['  - id: zz.cheap', '    terms: [zzcheapword]', '    examples: { match: ["ada zzcheapword di sini"] }']) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, cost: { hits: 0, samples: expect.any(Number) } });
  });
  const thanks = () => request(t.app).post('/v1/moderate').set(admin).send({ text: 'Terima kasih atas informasinya' });

  it('when the shipped rules meet the clean sample, then they give a reason to at most 2% of it, and the loader ignores the sample', async () => {
    const samples = await readCleanSample(RULES_DIR);
    expect(samples.length).toBeGreaterThanOrEqual(100);
    const ruleset = await loadRulesetFromDir(RULES_DIR);
    const hit = samples.filter((s) => moderate(ruleset, s).reasons.length > 0);
    expect(hit.length / samples.length).toBeLessThanOrEqual(0.02);
    expect(ruleset.files.map((f) => f.name)).not.toContain('clean.txt');
    expect(readFileSync(path.join(RULES_DIR, '_samples', 'clean.txt'), 'utf8')).toContain('Terima kasih atas informasinya');
  });

  it('when an admin puts a file that rejects everything (regression: went live with 201), then 422 with the numbers and nothing changes', async () => {
    const res = await put();
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ limit: 'maxHitShare', message: expect.stringMatching(/gives a reason to \d+ of \d+ clean sample comments \(100\.0%/) });
    expect(res.body.error.message).toMatch(/force=true/);
    expect((await thanks()).body.status).toBe('approved');
  });

  it('when the admin forces it, then it goes live and the audit record says it was forced, with the numbers', async () => {
    const res = await put('?force=true');
    expect(res.status).toBe(201);
    expect((await thanks()).body.status).toBe('rejected');
    const audit = await t.store.models.Audit.findOne({ target: 'rules:everything.yaml' }).lean();
    expect(audit?.after).toMatchObject({ forced: true, cost: { hits: expect.any(Number) } });
    expect(audit?.note).toMatch(/forced past the cost gate/);
  });

  it.each([['yes'], ['1']])('when force is %s, then 422 naming force', async (value) => {
    const res = await put(`?force=${value}`);
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].path).toBe('force');
  });
});

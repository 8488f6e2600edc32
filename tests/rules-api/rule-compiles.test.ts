import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { waitUntil } from '../support/wait';
import { admin, buildLiveRulesApp, type LiveRulesApp } from './live-rules';

/** `saring_rules_compiles_total`, read the way an operator reads it: GET /metrics. */
async function compiles(t: LiveRulesApp): Promise<number> {
  const res = await request(t.app).get('/metrics');
  const line = res.text.split('\n').find((l) => l.startsWith('saring_rules_compiles_total '));
  if (!line) throw new Error('saring_rules_compiles_total is not in /metrics');
  return Number(line.split(' ')[1]);
}

const ruleIds = (decision: { reasons: { ruleId: string }[] }) => decision.reasons.map((r) => r.ruleId);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Regression (issue 11): a rule edit through the API compiled the whole ruleset three times
 * on the event loop — validate, reload, then the watcher seeing the same write.
 */
describe('when rules are edited, then the main thread compiles each change once', () => {
  let t: LiveRulesApp;
  const reloaded: string[] = [];
  beforeAll(async () => {
    t = await buildLiveRulesApp('rules-compiles');
    t.events.onEvent((e) => {
      if (e.type === 'rules.reloaded') reloaded.push(String(e.data.version));
    });
  });
  afterAll(() => t.close());

  const kasar = () => readFileSync(path.join(t.rulesDir, 'kasar.yaml'), 'utf8');
  const moderate = (text: string) => request(t.app).post('/v1/moderate').set(admin).send({ text });

  it('when the service started, then it compiled once and watches the directory', async () => {
    expect(await compiles(t)).toBe(1);
    expect(t.service.jobNames).toContain('ruleWatcher');
  });

  it('when an admin PUTs a file, then exactly one main-thread compile serves it, and the watcher ignores the write', async () => {
    const before = await compiles(t);
    const get = await request(t.app).get('/v1/rules/kasar.yaml').set(admin);
    const content = get.text.replace('terms: [bangsat,', 'terms: [kampretodon, bangsat,');
    const res = await request(t.app).put('/v1/rules/kasar.yaml').set(admin).set('If-Match', get.headers.etag!).type('application/yaml').send(content);
    expect(res.status).toBe(200);
    expect(await compiles(t)).toBe(before + 1);
    // the watcher's debounce is 50 ms here: wait well past it, then count again
    await sleep(1500);
    expect(await compiles(t)).toBe(before + 1);
    expect(reloaded).toEqual([res.body.rulesetVersion]);
    const decision = (await moderate('kampretodon semua')).body;
    expect(decision.rulesetVersion).toBe(res.body.rulesetVersion);
    expect(ruleIds(decision)).toContain('kasar.insult');
  });

  it('when an admin edits a file on disk, then the watcher picks it up with one compile', async () => {
    const before = await compiles(t);
    const served = (await moderate('halo')).body.rulesetVersion as string;
    writeFileSync(path.join(t.rulesDir, 'kasar.yaml'), kasar().replace('terms: [kampretodon,', 'terms: [kampretodon, cebongkadal,'));
    const version = await waitUntil(async () => {
      const v = (await moderate('halo')).body.rulesetVersion as string;
      return v !== served ? v : undefined;
    }, { timeoutMs: 15_000, what: 'the hand edit to serve' });
    expect(ruleIds((await moderate('dasar cebongkadal')).body)).toContain('kasar.insult');
    await sleep(500);
    expect(await compiles(t)).toBe(before + 1);
    expect(reloaded.at(-1)).toBe(version);
  });
});

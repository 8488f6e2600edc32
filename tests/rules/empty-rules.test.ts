import { copyFileSync, mkdtempSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { runRulesValidate } from '../../src/cli/rules-validate';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { RulesetError } from '../../src/moderation/errors';
import { compileRuleset } from '../../src/rules/compile';
import { loadRulesetFromDir } from '../../src/rules/load';
import { RuleService } from '../../src/rules/watcher';
import { startServer } from '../../src/server';
import { buildTestApp, RULES_DIR } from '../support/app';
import { testMongoUrl } from '../support/db';
import { captureIo } from '../cli/capture-io';

/** A rules folder with nothing in it, or only the slang dictionary: zero rules. */
function emptyRulesDir(withDictionary = false): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'saring-empty-rules-'));
  if (withDictionary) copyFileSync(path.join(RULES_DIR, '_variants.yaml'), path.join(dir, '_variants.yaml'));
  return dir;
}

describe('a rules folder with no rules (it would approve every comment)', () => {
  const dirs: string[] = [];
  const fresh = (withDictionary = false) => {
    const dir = emptyRulesDir(withDictionary);
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it.each([
    ['an empty folder', false],
    ['a folder with only the slang dictionary', true],
  ])('when SARING_RULES_DIR is %s, then the service refuses to start with a message naming SARING_RULES_DIR', async (_what, withDictionary) => {
    const dir = fresh(withDictionary);
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', MONGO_URL: testMongoUrl(), SARING_RULES_DIR: dir, SARING_WATCH_RULES: 'false' });
    const started = startServer(config, createLogger('silent'));
    await expect(started).rejects.toThrow(`SARING_RULES_DIR ${dir}`);
    await expect(started).rejects.toThrow(/no rules/);
  });

  it('when SARING_RULES_DIR does not exist, then the refusal names SARING_RULES_DIR too', async () => {
    const dir = path.join(fresh(), 'missing');
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', MONGO_URL: testMongoUrl(), SARING_RULES_DIR: dir, SARING_WATCH_RULES: 'false' });
    await expect(startServer(config, createLogger('silent'))).rejects.toThrow(`SARING_RULES_DIR ${dir}`);
  });

  it('when every rule file is removed while serving, then the reload is refused like a broken file and the last good ruleset keeps serving', async () => {
    const dir = fresh();
    for (const name of readdirSync(RULES_DIR).filter((n) => /\.ya?ml$/.test(n))) copyFileSync(path.join(RULES_DIR, name), path.join(dir, name));
    const rejected: RulesetError[] = [];
    const rules = new RuleService({ dir, onRejected: (e) => rejected.push(e) });
    const good = await rules.start();
    for (const name of readdirSync(dir).filter((n) => !n.startsWith('_'))) unlinkSync(path.join(dir, name));
    const result = await rules.reload();
    expect(result.ok).toBe(false);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.message).toMatch(/no rules/);
    expect(rules.current()).toBe(good);
    expect(rules.current().ruleCount).toBeGreaterThan(0);
  });

  it('when an edit would remove the last rules, then the candidate is refused', async () => {
    const dir = fresh(true);
    copyFileSync(path.join(RULES_DIR, 'kasar.yaml'), path.join(dir, 'kasar.yaml'));
    const rules = new RuleService({ dir });
    await rules.start();
    expect(rules.validateCandidate('kasar.yaml', null)?.message).toMatch(/no rules/);
  });

  it('when saring rules validate (or saring check) reads an empty folder, then it is invalid, not "ok: 0 rules"', async () => {
    const dir = fresh();
    await expect(loadRulesetFromDir(dir)).rejects.toThrow(RulesetError);
    const io = captureIo();
    expect(await runRulesValidate([dir], io)).toBe(1);
    expect(io.err()).toMatch(/no rules/);
  });

  it('when the served ruleset somehow has no rules, then /readyz is 503 with rules "empty"', async () => {
    const t = await buildTestApp({ label: 'emptyrules', rules: { current: () => compileRuleset([]) } });
    try {
      const res = await request(t.app).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'unavailable', rules: 'empty' });
    } finally {
      await t.close();
    }
  });
});

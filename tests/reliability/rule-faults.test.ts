import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RuleService } from '../../src/rules/watcher';
import { createPrincipal, RULES_DIR } from '../support/app';
import { startListeningApp, type ListeningApp } from './support/listening-app';
import { startSubmissionLoad, until } from './support/submission-load';

/**
 * A rule file is corrupted, replaced with an unsafe pattern, emptied or
 * removed while 20 clients moderate: each change is refused, the last good
 * ruleset keeps answering every request, and a good file is picked up again.
 */
describe('when rule files break while serving', () => {
  let dir: string;
  let rules: RuleService;
  let t: ListeningApp;
  let token: string;
  const rejected: string[] = [];
  const file = () => path.join(dir, 'kasar.yaml');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'saring-rule-faults-'));
    cpSync(RULES_DIR, dir, { recursive: true });
    // the service's own rule service on the copy, watched (as in production); refusals come out as rules.rejected
    t = await startListeningApp({ label: 'rulefaults', env: { SARING_RULES_DIR: dir, SARING_RATE_TOKEN_PER_SEC: '0' } });
    rules = t.service.ruleService as RuleService;
    t.events.onEvent((e) => {
      if (e.type === 'rules.rejected') rejected.push(String((e.data.issues as { message?: string }[])[0]?.message ?? ''));
    });
    token = await createPrincipal(t.app, 'admin', []);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('then no request fails, every answer comes from the old ruleset until a good file returns, and the good file is picked up', async () => {
    const original = readFileSync(file(), 'utf8');
    const before = rules.current().version;
    const versions = new Map<string, number>();
    const load = startSubmissionLoad({
      url: t.url,
      token,
      clients: 20,
      total: 100_000,
      path: '/v1/moderate',
      body: (_id, n) => ({ text: n % 2 ? 'dasar goblok lu' : 'Semoga pemerintah cepat tanggap.' }),
      onAnswer: (_status, body) => {
        const version = (body as { rulesetVersion?: string } | undefined)?.rulesetVersion;
        if (version) versions.set(version, (versions.get(version) ?? 0) + 1);
      },
    });
    try {
      const faults: [string, () => void][] = [
        ['YAML that does not parse', () => writeFileSync(file(), `${original}\nrules: [unclosed\n`)],
        ['a pattern the linear-time engine refuses', () => writeFileSync(file(), original.replace('rules:\n', "rules:\n  - id: kasar.unsafe\n    patterns: ['(a+)+\\1', '(?=judi)judi']\n"))],
        ['a pattern that matches everything', () => writeFileSync(file(), original.replace('rules:\n', "rules:\n  - id: kasar.empty\n    patterns: ['x*']\n"))],
        ['an empty file', () => writeFileSync(file(), '')],
        ['a half-written file', () => writeFileSync(file(), original.slice(0, Math.floor(original.length / 2)))],
      ];
      for (const [label, breakIt] of faults) {
        const seen = rejected.length;
        const served = load.stats.count(200);
        breakIt();
        const result = await rules.reload();
        expect({ label, ok: result.ok }).toEqual({ label, ok: false });
        await until(() => rejected.length > seen, 'the watcher to refuse the change too', 5_000).catch(() => undefined);
        await until(() => load.stats.count(200) >= served + 200, '200 more answers on the broken file');
        expect(rules.current().version).toBe(before);
      }
      unlinkSync(file());
      await until(() => rules.current().version !== before, 'the ruleset without kasar.yaml (a removed file is a valid change)', 5_000).catch(() => undefined);
      writeFileSync(file(), original.replace('goblok,', 'goblok, kampretos,'));
      const fixed = await rules.reload();
      expect(fixed.ok).toBe(true);
      await until(() => [...versions.keys()].includes(rules.current().version), 'answers from the repaired ruleset');
    } finally {
      load.stop();
      await load.done;
    }
    const stats = load.stats;
    expect([...stats.byStatus.keys()]).toEqual([200]);
    expect(stats.hangs + stats.networkErrors).toBe(0);
    expect(versions.get(before)).toBeGreaterThan(1000);
    expect(rejected.length).toBeGreaterThanOrEqual(5);
  }, 120_000);
});

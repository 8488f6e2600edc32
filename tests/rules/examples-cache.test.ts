import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RulesetError } from '../../src/moderation/errors';
import { compileRuleset } from '../../src/rules/compile';
import { ExamplesCache } from '../../src/rules/examples-cache';
import { loadRulesetFromDir } from '../../src/rules/load';

const rule = (example: string) =>
  ['category: kasar.directed', 'legalBasis: "test"', 'action: mask', 'messages: { id: uji, en: test }', 'rules:', '  - id: t.word', '    terms: [kampret]', '    examples:', `      match: ["${example}"]`, ''].join('\n');

describe('examples cache', () => {
  let dir: string;
  let cacheDir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'saring-rules-'));
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'saring-cache-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('when rules passed their examples, then the next load skips them; when a file changes, they run again', async () => {
    const cache = new ExamplesCache(cacheDir);
    writeFileSync(path.join(dir, 'kasar.yaml'), rule('dasar kampret'));
    const sources = [{ name: 'kasar.yaml', text: rule('dasar kampret') }];
    expect(cache.passed(sources)).toBe(false);
    await loadRulesetFromDir(dir, { examples: cache });
    expect(cache.passed(sources)).toBe(true);
    // a changed file whose example fails is refused: the marker of the old sources does not cover it
    writeFileSync(path.join(dir, 'kasar.yaml'), rule('selamat pagi'));
    await expect(loadRulesetFromDir(dir, { examples: cache })).rejects.toBeInstanceOf(RulesetError);
    await expect(loadRulesetFromDir(dir, { examples: cache })).rejects.toBeInstanceOf(RulesetError);
  });

  it('when examples are not run, a failing example is not noticed (so only the cache may skip them)', () => {
    const sources = [{ name: 'kasar.yaml', text: rule('selamat pagi') }];
    expect(() => compileRuleset(sources)).toThrow(RulesetError);
    expect(compileRuleset(sources, { runExamples: false }).ruleCount).toBe(1);
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RulesetError } from '../../src/moderation/errors';
import { compileRuleset } from '../../src/rules/compile';
import { ExamplesCache, engineLibraries } from '../../src/rules/examples-cache';
import { loadRulesetFromDir } from '../../src/rules/load';
import { moderate } from '../../src/moderation';

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
  it('when rules passed, then the marker holds each file as parsed and each pattern gate, and a load from it decides as a fresh compile does', async () => {
    const cache = new ExamplesCache(cacheDir);
    const text = [rule('dasar kampret'), '  - id: t.phone', '    patterns: ["\\\\b08[0-9]{8,11}\\\\b"]', ''].join('\n');
    writeFileSync(path.join(dir, 'kasar.yaml'), text);
    const fresh = await loadRulesetFromDir(dir);
    await loadRulesetFromDir(dir, { examples: cache });
    const sources = [{ name: 'kasar.yaml', text }];
    const recorded = cache.compiled(sources);
    expect([...(recorded.parsed?.keys() ?? [])]).toEqual(['kasar.yaml']);
    expect(recorded.patternGates?.size).toBe(1);
    const cached = await loadRulesetFromDir(dir, { examples: cache });
    for (const comment of ['dasar kampret', 'wa 081234567890 ya', 'selamat pagi']) expect(moderate(cached, comment)).toEqual(moderate(fresh, comment));
  });

  it('when the marker is damaged, then the rules are compiled from their YAML as without a cache', async () => {
    const cache = new ExamplesCache(cacheDir);
    writeFileSync(path.join(dir, 'kasar.yaml'), rule('dasar kampret'));
    await loadRulesetFromDir(dir, { examples: cache });
    const [marker] = readdirSync(cacheDir);
    const written = readFileSync(path.join(cacheDir, marker as string), 'utf8');
    // the recorded data is compiled without being validated again: one edited character, the checksum
    // no longer holds and the marker is not used
    const edited = written.replace('kampret', 'kampreT');
    expect(edited).not.toBe(written);
    for (const damaged of ['{"files": ', '[]', '{"files": {"kasar.yaml": 7}, "gates": {"x": [[["a"]]]}}', edited, written.slice(0, -3)]) {
      writeFileSync(path.join(cacheDir, marker as string), damaged);
      const sources = [{ name: 'kasar.yaml', text: rule('dasar kampret') }];
      expect(cache.compiled(sources)).toEqual({});
      expect(moderate(await loadRulesetFromDir(dir, { examples: cache }), 'dasar kampret').reasons).toHaveLength(1);
      // and the load wrote it again, whole, for the next one
      expect(readFileSync(path.join(cacheDir, marker as string), 'utf8')).toBe(written);
    }
  });

  it('when the engine is named, then the installed versions of its libraries are part of it', () => {
    const root = path.resolve(__dirname, '../..');
    const versions = engineLibraries(root);
    expect(Object.keys(versions)).toEqual(['re2js', 'obscenity', 'yaml', 'zod']);
    for (const name of Object.keys(versions)) expect(versions[name]).toBe(JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version);
    expect(Object.values(engineLibraries(cacheDir))).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
  });

  it('when an engine library is upgraded, then rules that passed before run their examples again', async () => {
    writeFileSync(path.join(dir, 'kasar.yaml'), rule('dasar kampret'));
    const sources = [{ name: 'kasar.yaml', text: rule('dasar kampret') }];
    const installed = engineLibraries(path.resolve(__dirname, '../..'));
    await loadRulesetFromDir(dir, { examples: new ExamplesCache(cacheDir, installed) });
    expect(new ExamplesCache(cacheDir, installed).passed(sources)).toBe(true);
    expect(new ExamplesCache(cacheDir, { ...installed, re2js: '99.0.0' }).passed(sources)).toBe(false);
    expect(new ExamplesCache(cacheDir).passed(sources)).toBe(true);
  });

  it('when a file holds a value JSON cannot keep (.inf), then that file is left out of the marker and parsed each time', async () => {
    const cache = new ExamplesCache(cacheDir);
    const text = `${rule('dasar kampret')}# a comment\nextra: .inf\n`;
    const sources = [{ name: 'kasar.yaml', text }];
    cache.record(sources, compileRuleset([{ name: 'kasar.yaml', text: rule('dasar kampret') }]));
    const [marker] = readdirSync(cacheDir);
    const [, body] = readFileSync(path.join(cacheDir, marker as string), 'utf8').split('\n');
    expect(JSON.parse(body as string).files).toEqual({});
    expect(cache.compiled(sources).parsed?.size).toBe(0);
  });
});

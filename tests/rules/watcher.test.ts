import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { moderate, type CompiledRuleset } from '../../src/moderation';
import { RulesetError } from '../../src/moderation/errors';
import { loadRulesetFromDir, readRuleSources } from '../../src/rules/load';
import { RuleService } from '../../src/rules/watcher';

const RULES_DIR = path.resolve(__dirname, '../../rules');

const GOOD = (term: string): string => `category: kasar.directed
legalBasis: "site policy"
action: mask
messages: { id: kasar, en: rude }
rules:
  - id: test.insult
    terms: [${term}]
    examples:
      match: [${term}]
`;

function tempRules(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'saring-rules-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function waitFor<T>(register: (resolve: (v: T) => void) => void, ms = 5000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    register((v) => {
      clearTimeout(timer);
      resolve(v);
    });
  });
}

describe('loading rules from disk', () => {
  it('when the shipped rules directory is loaded, then every category family of LEGAL.md is there', async () => {
    const rs = await loadRulesetFromDir(RULES_DIR);
    const families = new Set(rs.files.flatMap((f) => f.categories.map((c) => c.split('.')[0])));
    expect([...families].sort()).toEqual(['ancaman', 'bahaya', 'fitnah', 'hoaks', 'judi', 'kasar', 'pdp', 'penipuan', 'peras', 'sara', 'spam', 'susila']);
  });

  it('reads only yaml files, sorted', async () => {
    const dir = tempRules({ 'b.yaml': GOOD('goblok'), 'a.yml': 'x: 1', 'notes.txt': 'ignored' });
    expect((await readRuleSources(dir)).map((s) => s.name)).toEqual(['a.yml', 'b.yaml']);
    rmSync(dir, { recursive: true });
  });
});

describe('RuleService', () => {
  let dir: string;
  let service: RuleService;
  afterEach(() => {
    service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when the initial set is broken, then start() throws a RulesetError', async () => {
    dir = tempRules({ 'kasar.yaml': 'rules: nope' });
    service = new RuleService({ dir });
    await expect(service.start()).rejects.toBeInstanceOf(RulesetError);
  });

  it('when a file is broken on reload, then it is refused with file, line and rule id and the old rules keep serving', async () => {
    dir = tempRules({ 'kasar.yaml': GOOD('goblok') });
    const rejected: RulesetError[] = [];
    service = new RuleService({ dir, onRejected: (e) => rejected.push(e) });
    const first = await service.start();
    writeFileSync(path.join(dir, 'kasar.yaml'), GOOD('goblok').replace('terms: [goblok]', "patterns: ['(?<=x)y']"));
    const result = await service.reload();
    expect(result.ok).toBe(false);
    expect(rejected[0]?.issues[0]).toMatchObject({ file: 'kasar.yaml', line: 7, ruleId: 'test.insult' });
    expect(service.current()).toBe(first);
    expect(moderate(service.current(), 'goblok').reasons).toHaveLength(1);
  });

  it('when a file is fixed, then reload swaps in the new ruleset', async () => {
    dir = tempRules({ 'kasar.yaml': GOOD('goblok') });
    const reloaded: CompiledRuleset[] = [];
    service = new RuleService({ dir, onReloaded: (rs) => reloaded.push(rs) });
    await service.start();
    writeFileSync(path.join(dir, 'kasar.yaml'), GOOD('tolol'));
    const result = await service.reload();
    expect(result.ok).toBe(true);
    expect(reloaded).toHaveLength(1);
    expect(moderate(service.current(), 'tolol').reasons).toHaveLength(1);
    expect(moderate(service.current(), 'goblok').reasons).toHaveLength(0);
  });

  // regression: an API edit reloads at once and the watcher then saw the same write: rules.reloaded went out twice
  it('when the same files are reloaded again, then the new version is announced once', async () => {
    dir = tempRules({ 'kasar.yaml': GOOD('goblok') });
    const reloaded: CompiledRuleset[] = [];
    service = new RuleService({ dir, onReloaded: (rs) => reloaded.push(rs) });
    await service.start();
    writeFileSync(path.join(dir, 'kasar.yaml'), GOOD('tolol'));
    expect((await service.reload()).ok).toBe(true);
    expect((await service.reload()).ok).toBe(true);
    expect(reloaded.map((rs) => rs.version)).toEqual([service.current().version]);
  });

  // regression: the watcher's reload after an API edit compiled the ruleset that was already serving
  it('when the files on disk are the ruleset being served, then a reload does not compile them again', async () => {
    dir = tempRules({ 'kasar.yaml': GOOD('goblok') });
    service = new RuleService({ dir });
    const first = await service.start();
    const again = await service.reload();
    expect(again.ok && again.ruleset).toBe(first);
    writeFileSync(path.join(dir, 'kasar.yaml'), GOOD('tolol'));
    const changed = await service.reload();
    expect(changed.ok && changed.ruleset).not.toBe(first);
  });

  it('when watching and a file changes on disk, then the change is live after the debounce', async () => {
    dir = tempRules({ 'kasar.yaml': GOOD('goblok') });
    const done = waitFor<CompiledRuleset>((resolve) => {
      service = new RuleService({ dir, debounceMs: 30, onReloaded: resolve });
    });
    await service.start();
    service.watch();
    writeFileSync(path.join(dir, 'kasar.yaml'), GOOD('bangsat'));
    const rs = await done;
    expect(moderate(rs, 'bangsat').reasons).toHaveLength(1);
  });

  it('when watching and a broken file lands, then onRejected fires and the old ruleset stays', async () => {
    dir = tempRules({ 'kasar.yaml': GOOD('goblok') });
    const done = waitFor<RulesetError>((resolve) => {
      service = new RuleService({ dir, debounceMs: 30, onRejected: resolve });
    });
    const first = await service.start();
    service.watch();
    writeFileSync(path.join(dir, 'kasar.yaml'), GOOD('goblok').replace('match: [goblok]', 'match: [sopan]'));
    const error = await done;
    expect(error.issues[0]?.message).toMatch(/should match/);
    expect(service.current()).toBe(first);
  });

  it('when applyEdit is given a good file, then it compiles once, writes it and serves it', async () => {
    dir = tempRules({ 'kasar.yaml': GOOD('goblok') });
    let compiles = 0;
    const reloaded: CompiledRuleset[] = [];
    service = new RuleService({ dir, onCompile: () => (compiles += 1), onReloaded: (rs) => reloaded.push(rs) });
    await service.start();
    const result = await service.applyEdit('kasar.yaml', GOOD('tolol'));
    expect(result.ok).toBe(true);
    expect(compiles).toBe(2);
    expect(readFileSync(path.join(dir, 'kasar.yaml'), 'utf8')).toBe(GOOD('tolol'));
    expect(reloaded).toEqual([service.current()]);
    expect(moderate(service.current(), 'tolol').reasons).toHaveLength(1);
  });

  it('when applyEdit is given a file the directory refuses, then nothing is written and the old ruleset keeps serving', async () => {
    dir = tempRules({ 'kasar.yaml': GOOD('goblok'), 'judi.yaml': GOOD('gacor').replace('test.insult', 'test.judi') });
    service = new RuleService({ dir });
    const first = await service.start();
    const result = await service.applyEdit('new.yaml', GOOD('bego'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.issues[0]).toMatchObject({ file: 'new.yaml', message: 'duplicate rule id test.insult' });
    expect(readdirSync(dir).sort()).toEqual(['judi.yaml', 'kasar.yaml']);
    expect(service.current()).toBe(first);
  });

  it("when watching, then the service's own write is not reloaded, and a hand edit of the same file after it is", async () => {
    dir = tempRules({ 'kasar.yaml': GOOD('goblok') });
    let compiles = 0;
    const handEdit = waitFor<CompiledRuleset>((resolve) => {
      service = new RuleService({ dir, debounceMs: 30, onCompile: () => (compiles += 1), onReloaded: (rs) => moderate(rs, 'bangsat').reasons.length > 0 && resolve(rs) });
    });
    await service.start();
    service.watch();
    const reload = jest.spyOn(service, 'reload');
    await service.applyEdit('kasar.yaml', GOOD('tolol'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(reload).not.toHaveBeenCalled();
    expect(compiles).toBe(2);
    writeFileSync(path.join(dir, 'kasar.yaml'), GOOD('bangsat'));
    await handEdit;
    expect(reload).toHaveBeenCalled();
    expect(compiles).toBe(3);
  });

  it('validateCandidate checks one changed file against the rest without touching the served ruleset', async () => {
    dir = tempRules({ 'kasar.yaml': GOOD('goblok'), 'judi.yaml': GOOD('gacor').replace('test.insult', 'test.judi') });
    service = new RuleService({ dir });
    const first = await service.start();
    expect(service.validateCandidate('kasar.yaml', GOOD('tolol'))).toBeNull();
    const clash = service.validateCandidate('new.yaml', GOOD('bego'));
    expect(clash?.issues[0]).toMatchObject({ file: 'new.yaml', ruleId: 'test.insult', message: 'duplicate rule id test.insult' });
    expect(service.validateCandidate('kasar.yaml', 'rules: [')?.issues[0]?.file).toBe('kasar.yaml');
    expect(service.validateCandidate('judi.yaml', null)).toBeNull();
    expect(service.current()).toBe(first);
    expect(readdirSync(dir).sort()).toEqual(['judi.yaml', 'kasar.yaml']);
    expect(readFileSync(path.join(dir, 'kasar.yaml'), 'utf8')).toBe(GOOD('goblok'));
  });
});

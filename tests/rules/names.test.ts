import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileRuleset } from '../../src/rules/compile';
import { runRulesValidate } from '../../src/cli/rules-validate';
import { reportSchema } from '../../src/reports/schema';
import { loadRulesetFromDir, misnamedRuleFiles } from '../../src/rules/load';
import { CATEGORY, CATEGORY_OR_FAMILY, isRuleFileName } from '../../src/rules/names';
import { categoryIdSchema, categoryOrFamilySchema, reportReasonSchema } from '../../src/rules/name-schemas';
import { captureIo } from '../cli/capture-io';

const file = (category: string, id: string) =>
  [`category: ${category}`, 'legalBasis: "test"', 'action: mask', 'messages: { id: uji, en: test }', 'rules:', `  - id: ${id}`, '    terms: [kampret]', ''].join('\n');

describe('rule file names and category ids: one definition', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'saring-names-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when a rules folder holds Kasar.yaml and a.b.yaml beside good files (regression: Kasar.yaml stopped start-up, a.b.yaml was served but not editable), then only the good files load and the two are named', async () => {
    writeFileSync(path.join(dir, 'kasar.yaml'), file('kasar.directed', 'k.one'));
    writeFileSync(path.join(dir, 'Kasar.yaml'), file('kasar.directed', 'k.two'));
    writeFileSync(path.join(dir, 'a.b.yaml'), file('kasar.directed', 'k.three'));
    const rs = await loadRulesetFromDir(dir);
    expect(rs.files.map((f) => f.name)).toEqual(['kasar.yaml']);
    expect(await misnamedRuleFiles(dir)).toEqual(['Kasar.yaml', 'a.b.yaml']);
    const io = captureIo();
    expect(await runRulesValidate([dir], io)).toBe(1);
    expect(io.err()).toMatch(/Kasar\.yaml: not loaded: a rule file name is lower-case/);
    expect(io.err()).toMatch(/a\.b\.yaml: not loaded/);
  });

  it.each([
    ['kasar.yaml', true],
    ['kasar-en.yaml', true],
    ['kasar_2.yml', true],
    ['Kasar.yaml', false],
    ['a.b.yaml', false],
    ['../kasar.yaml', false],
  ])('file name %s is a rule file name: %s (loader, compiler and rules API alike)', (name, ok) => {
    expect(isRuleFileName(name)).toBe(ok);
    const compiles = () => compileRuleset([{ name, text: file('kasar.directed', 'k.one') }]);
    if (ok) expect(compiles).not.toThrow();
    else expect(compiles).toThrow(/file name must be lower-case/);
  });

  it('when a category has a hyphen, then the rule file, a site policy and a reader report all accept it (regression: only the rule schema did)', () => {
    expect(compileRuleset([{ name: 'pdp.yaml', text: file('pdp.home-address', 'p.one') }]).rules[0]?.category).toBe('pdp.home-address');
    expect(CATEGORY.test('pdp.home-address')).toBe(true);
    expect(CATEGORY_OR_FAMILY.test('pdp.home-address')).toBe(true);
    expect(CATEGORY_OR_FAMILY.test('pdp')).toBe(true);
    expect(reportSchema.safeParse({ reporterId: 'r', reason: 'pdp.home-address' }).success).toBe(true);
    expect(reportSchema.safeParse({ reporterId: 'r', reason: 'pdp' }).success).toBe(false);
  });

  it.each([
    ['kasar.directed', true],
    ['pdp.home-address', true],
    ['pdp.home-', false],
    ['pdp.-address', false],
    ['Kasar.directed', false],
    ['kasar', false],
    ['kasar.directed.more', false],
    ['kasar_x.directed', false],
  ])('category id %s is valid: %s, by the one schema rule files, site policies (which also take a family) and reader reports use', (id, ok) => {
    expect(categoryIdSchema.safeParse(id).success).toBe(ok);
    expect(categoryOrFamilySchema.safeParse(id).success).toBe(ok || id === 'kasar');
    expect(reportReasonSchema.safeParse(id).success).toBe(ok);
    const compiled = () => compileRuleset([{ name: 'x.yaml', text: file(id, 'x.one') }]);
    if (ok) expect(compiled).not.toThrow();
    else expect(compiled).toThrow(/category/);
  });
});

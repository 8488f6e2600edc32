import { moderate, type RulesetIssue } from '../../src/moderation';
import { RulesetError } from '../../src/moderation/errors';
import { compileRuleset } from '../../src/rules/compile';
import { ruleFileJsonSchema } from '../../src/rules/schema';

const GOOD = `category: kasar.directed
legalBasis: "site policy"
action: mask
messages: { id: kasar, en: rude }
rules:
  - id: test.insult
    terms: [goblok]
    examples:
      match: [goblok]
      noMatch: [gobi]
`;

function issuesOf(files: Array<{ name: string; text: string }>): RulesetIssue[] {
  try {
    compileRuleset(files);
  } catch (err) {
    expect(err).toBeInstanceOf(RulesetError);
    return (err as RulesetError).issues;
  }
  throw new Error('expected the ruleset to be refused');
}

describe('compileRuleset', () => {
  it('when the files are valid, then it compiles with a version, file summaries and a term count', () => {
    const rs = compileRuleset([{ name: 'kasar.yaml', text: GOOD }]);
    expect(rs.version).toMatch(/^[0-9a-f]{12}$/);
    expect(rs.files).toEqual([{ name: 'kasar.yaml', categories: ['kasar.directed'], ruleCount: 1, termCount: 1 }]);
    expect(rs.termCount).toBe(1);
    expect(moderate(rs, 'goblok').reasons[0]?.ruleId).toBe('test.insult');
  });

  it('when content changes, then the version changes', () => {
    const a = compileRuleset([{ name: 'kasar.yaml', text: GOOD }]).version;
    const b = compileRuleset([{ name: 'kasar.yaml', text: GOOD.replace('[goblok]\n    examples', '[goblok, tolol]\n    examples') }]).version;
    expect(a).not.toBe(b);
  });

  it.each([
    ['YAML syntax error', 'category: kasar.directed\nrules: [unclosed\n', 3, undefined, /YAML/],
    ['missing legalBasis', GOOD.replace('legalBasis: "site policy"\n', ''), 1, undefined, /legalBasis/],
    ['unknown action', GOOD.replace('action: mask', 'action: delete'), 3, undefined, /action/],
    ['rule without terms or patterns', GOOD.replace('    terms: [goblok]\n', ''), 6, 'test.insult', /needs terms/],
    ['look-ahead regex (not linear-time)', GOOD.replace('terms: [goblok]', "patterns: ['(?=x)y']"), 7, 'test.insult', /linear-time/],
    ['back-reference regex', GOOD.replace('terms: [goblok]', "patterns: ['(a)\\1']"), 7, 'test.insult', /linear-time/],
    ['regex matching the empty string', GOOD.replace('terms: [goblok]', "patterns: ['x*']"), 7, 'test.insult', /empty string/],
    ['a match example that does not match', GOOD.replace('match: [goblok]', 'match: [goblok, sopan]'), 9, 'test.insult', /should match/],
    ['a noMatch example that matches', GOOD.replace('noMatch: [gobi]', 'noMatch: [gobi, "dasar goblok"]'), 10, 'test.insult', /should not match/],
    ['unknown field', GOOD.replace('    terms: [goblok]', '    terms: [goblok]\n    wieght: 3'), 6, 'test.insult', /wieght|Unrecognized/],
  ])('when a file has a %s, then it is refused with file, line and rule id', (_name, text, line, ruleId, message) => {
    const issues = issuesOf([{ name: 'kasar.yaml', text }]);
    expect(issues[0]).toMatchObject({ file: 'kasar.yaml', line });
    if (ruleId !== undefined) expect(issues[0]?.ruleId).toBe(ruleId);
    expect(issues[0]?.message).toMatch(message);
  });

  it('when two files use the same rule id, then the duplicate is named', () => {
    const issues = issuesOf([
      { name: 'a.yaml', text: GOOD },
      { name: 'b.yaml', text: GOOD },
    ]);
    expect(issues).toEqual([expect.objectContaining({ file: 'b.yaml', ruleId: 'test.insult', message: 'duplicate rule id test.insult', line: 6 })]);
  });

  it('when several files are broken, then every problem is listed', () => {
    const issues = issuesOf([
      { name: 'a.yaml', text: GOOD.replace('action: mask', 'action: nope') },
      { name: 'b.yaml', text: 'rules: 3' },
    ]);
    expect(new Set(issues.map((i) => i.file))).toEqual(new Set(['a.yaml', 'b.yaml']));
  });

  it('when the file name is not a yaml name, then it is refused', () => {
    expect(issuesOf([{ name: 'Kasar.txt', text: GOOD }])[0]?.message).toMatch(/file name/);
  });

  it('when a variants dictionary maps a spelling, then terms match it', () => {
    const rs = compileRuleset([
      { name: '_variants.yaml', text: 'variants:\n  goblok: [gblk]\n' },
      { name: 'kasar.yaml', text: GOOD },
    ]);
    expect(moderate(rs, 'gblk').reasons).toHaveLength(1);
  });

  it('when the error is printed, then it reads file:line [rule] message', () => {
    try {
      compileRuleset([{ name: 'kasar.yaml', text: GOOD.replace('match: [goblok]', 'match: [sopan]') }]);
    } catch (err) {
      expect((err as Error).message).toContain('kasar.yaml:9 [test.insult] example should match but does not: "sopan"');
    }
  });

  it('exports a JSON Schema of the rule format', () => {
    const schema = ruleFileJsonSchema() as { type: string; required: string[] };
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['category', 'legalBasis', 'action', 'messages', 'rules']));
  });
});

import { moderate, type RulesetIssue } from '../../src/moderation';
import { RulesetError } from '../../src/moderation/errors';
import { compileRuleset } from '../../src/rules/compile';
import { legalBasisAt, nextDay, wibDayStart } from '../../src/moderation/legal-basis';

const file = (basis: string, ruleBasis = ''): string => `category: fitnah.accusation
${basis}
action: flag
messages: { id: tuduhan, en: accusation }
rules:
  - id: test.accuse
${ruleBasis}    terms: [maling]
`;
const DATED = `legalBasis:
  - until: 2026-01-01
    text: "UU ITE Pasal 27A"
  - from: 2026-01-02
    text: "KUHP Pasal 433"`;

function issuesOf(text: string): RulesetIssue[] {
  try {
    compileRuleset([{ name: 'fitnah.yaml', text }]);
  } catch (err) {
    expect(err).toBeInstanceOf(RulesetError);
    return (err as RulesetError).issues;
  }
  throw new Error('expected the ruleset to be refused');
}

const citeAt = (text: string, at?: string): string | undefined =>
  moderate(compileRuleset([{ name: 'fitnah.yaml', text }]), 'dasar maling', at !== undefined ? { at: new Date(at) } : {}).reasons[0]?.legalBasis;

describe('legal basis with effective dates', () => {
  it.each([
    ['the last instant of 1 January 2026 in WIB', '2026-01-01T16:59:59.999Z', 'UU ITE Pasal 27A'],
    ['the first instant of 2 January 2026 in WIB (still 1 January in UTC)', '2026-01-01T17:00:00.000Z', 'KUHP Pasal 433'],
    ['a day in 2025', '2025-06-15T03:00:00Z', 'UU ITE Pasal 27A'],
    ['a day in 2027', '2027-03-01T03:00:00Z', 'KUHP Pasal 433'],
  ])('when the decision is made at %s, then it cites the basis in force then', (_name, at, expected) => {
    expect(citeAt(file(DATED), at)).toBe(expected);
  });

  it('when no instant is given, then the engine cites the open-ended (latest) basis and reads no clock', () => {
    expect(citeAt(file(DATED))).toBe('KUHP Pasal 433');
  });

  it('when the basis is the old single string, then it holds for all time', () => {
    expect(citeAt(file('legalBasis: "site policy"'), '1999-01-01T00:00:00Z')).toBe('site policy');
    expect(citeAt(file('legalBasis: "site policy"'), '2030-01-01T00:00:00Z')).toBe('site policy');
  });

  it('when a rule has its own dated basis, then it wins over the file default', () => {
    const rule = '    legalBasis:\n      - until: 2025-12-31\n        text: "old"\n      - from: 2026-01-01\n        text: "new"\n';
    expect(citeAt(file('legalBasis: "file"', rule), '2025-12-31T17:00:00Z')).toBe('new');
    expect(citeAt(file('legalBasis: "file"', rule), '2025-12-31T16:59:59Z')).toBe('old');
  });

  it.each([
    ['overlapping periods', DATED.replace('from: 2026-01-02', 'from: 2026-01-01'), 5, /overlap/],
    ['a gap between periods', DATED.replace('from: 2026-01-02', 'from: 2026-01-05'), 5, /gap between periods 1 and 2: no basis from 2026-01-02/],
    ['a first period with a start (no basis before it)', DATED.replace('  - until: 2026-01-01', '  - from: 2020-01-01\n    until: 2026-01-01'), 3, /no basis before 2020-01-01/],
    ['a last period with an end (no basis after it)', `${DATED}\n    until: 2030-12-31`, 5, /no basis after 2030-12-31/],
    ['a period that ends before it starts', `legalBasis:\n  - until: 2026-01-01\n    text: a\n  - from: 2026-01-02\n    until: 2025-01-01\n    text: b\n  - from: 2025-01-02\n    text: c`, 5, /ends \(2025-01-01\) before it starts/],
    ['two open starts', DATED.replace('  - from: 2026-01-02\n', '  - '), 5, /only the first period may start open/],
    ['a date that is not a calendar day', DATED.replace('2026-01-02', '2026-02-30'), 5, /calendar day/],
  ])('when a file-level basis has %s, then the ruleset is refused with the file and line', (_name, basis, line, message) => {
    const issues = issuesOf(file(basis));
    expect(issues[0]).toMatchObject({ file: 'fitnah.yaml', line });
    expect(issues[0]?.message).toMatch(message);
  });

  it('when a rule-level basis overlaps, then the refusal names file, line and rule id', () => {
    const rule = '    legalBasis:\n      - until: 2026-01-01\n        text: "old"\n      - from: 2025-12-01\n        text: "new"\n';
    const issues = issuesOf(file('legalBasis: "file"', rule));
    expect(issues).toEqual([expect.objectContaining({ file: 'fitnah.yaml', line: 10, ruleId: 'test.accuse', message: expect.stringMatching(/periods 1 and 2 overlap: 2025-12-01 is already covered/) })]);
  });

  it('when a WIB day is converted, then it starts at 17:00 UTC the day before and the next day follows month ends', () => {
    expect(new Date(wibDayStart('2026-01-02')).toISOString()).toBe('2026-01-01T17:00:00.000Z');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
    expect(legalBasisAt([], new Date())).toBe('');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { main } from '../../src/cli/index';
import { compileRuleset } from '../../src/rules/compile';
import { ruleSchema } from '../../src/rules/schema';
import { captureIo } from './capture-io';

// a frozen copy of the rules, so that tuning the shipped vocabulary does not move these counts
const RULES = path.resolve(__dirname, '../fixtures/rules-sample');
const SAMPLE = path.resolve(__dirname, '../fixtures/labelled-sample.jsonl');

async function suggest(...args: string[]) {
  const io = captureIo();
  const code = await main(['rules', 'suggest', '--rules', RULES, '--input', SAMPLE, '--labels', 'expect', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

interface SuggestedItem {
  id: string;
  category?: string;
  terms: string[];
  examples?: { match?: string[]; noMatch?: string[] };
}

const fixtureTexts = readFileSync(SAMPLE, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);

describe('saring rules suggest', () => {
  it('when a word is planted in several missed positives, then it is suggested first as a valid rule with corpus examples', async () => {
    const { code, out } = await suggest();
    expect(code).toBe(0);
    const doc = parse(out) as { rules: SuggestedItem[] };
    const first = doc.rules[0];
    expect(first).toMatchObject({ id: 'kasar.suggest-cupeng', terms: ['cupeng'] });
    for (const rule of doc.rules) expect(ruleSchema.safeParse(rule).success).toBe(true);
    expect(first?.examples?.match?.length).toBeGreaterThan(0);
    expect(first?.examples?.noMatch?.length).toBeGreaterThan(0);
    for (const t of [...(first?.examples?.match ?? []), ...(first?.examples?.noMatch ?? [])]) expect(fixtureTexts).toContain(t);
    expect(out).toContain('# 1. "cupeng" (word; seen as cupengnya): adds 5 missed positives; precision 1.00 (5 of 5 rows with it are positive, 0 clean)');
    expect(out).toMatch(/^# saring rules suggest: .*labelled-sample\.jsonl, labels "expect"/);
    expect(out).toContain('# 32 rows: 16 positive (7 caught, 9 missed), 16 clean; caught = abuse families');
  });

  it('when the suggestion is pasted into a rule file, then the rules compile and its examples pass', async () => {
    const { out } = await suggest();
    const items = out.slice(out.indexOf('\nrules:') + 1);
    const file = `category: kasar.directed\nlegalBasis: test\naction: mask\nmessages: {id: a, en: b}\n${items}`;
    const sources = readdirSync(RULES)
      .filter((f) => f.endsWith('.yaml'))
      .map((name) => ({ name, text: readFileSync(path.join(RULES, name), 'utf8') }));
    expect(() => compileRuleset([...sources, { name: 'zz-pasted.yaml', text: file }])).not.toThrow();
  });

  it('when --min-added is lowered, then smaller candidates follow, most added first', async () => {
    const { out } = await suggest('--min-added', '2');
    const ranked = (parse(out) as { rules: SuggestedItem[] }).rules.map((r) => r.terms[0]);
    expect(ranked[0]).toBe('cupeng');
    expect(ranked).toContain('brengsik');
    expect(ranked).not.toContain('bodoh'); // precision 2/3 on the sample: a clean row says "Bodoh atau pintar"
  });

  it('when --limit is given, then at most that many rules are printed', async () => {
    const { out } = await suggest('--min-added', '2', '--limit', '1');
    expect((parse(out) as { rules: SuggestedItem[] }).rules).toHaveLength(1);
  });

  it('when --category names a category, then only its reasons count as caught and the rules carry it', async () => {
    const { out } = await suggest('--category', 'kasar.directed');
    const first = (parse(out) as { rules: SuggestedItem[] }).rules[0];
    expect(first).toMatchObject({ id: 'kasar.directed.suggest-cupeng', category: 'kasar.directed' });
    expect(out).toContain('caught = kasar.directed');
  });

  it('when nothing qualifies, then it prints an empty rules list that is still YAML', async () => {
    const { code, out } = await suggest('--min-added', '9');
    expect(code).toBe(0);
    expect(parse(out)).toEqual({ rules: [] });
  });

  it.each([
    [['--labels', 'expect'], /needs --input FILE and --labels FIELD/],
    [['--input', SAMPLE], /needs --input FILE and --labels FIELD/],
    [['--input', SAMPLE, '--labels', 'expect', '--category', 'nope'], /--category nope: no rule has that category or family/],
    [['--input', SAMPLE, '--labels', 'expect', '--min-precision', '2'], /--min-precision must be a number from 0 to 1/],
  ])('when the options are %j, then it exits 2 and says why', async (args, message) => {
    const io = captureIo();
    expect(await main(['rules', 'suggest', '--rules', RULES, ...args], io)).toBe(2);
    expect(io.err()).toMatch(message);
  });
});

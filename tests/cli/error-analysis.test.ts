import path from 'node:path';
import { main } from '../../src/cli/index';
import { captureIo } from './capture-io';

// a frozen copy of the rules, so that tuning the shipped vocabulary does not move these counts
const RULES = path.resolve(__dirname, '../fixtures/rules-sample');
const SAMPLE = path.resolve(__dirname, '../fixtures/labelled-sample.jsonl');

async function run(argv: string[]) {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const check = (...args: string[]) => run(['check', '--rules', RULES, '--input', SAMPLE, '--labels', 'expect', ...args]);

/** The group heading lines of a report: a count, then the deciding word. */
const headings = (out: string) => out.split('\n').filter((l) => /^ {0,3}\d+ {2}\S/.test(l));

describe('saring check --show misses', () => {
  it('when positives are missed, then they are listed on stdout grouped by word, largest group first, instead of decision lines', async () => {
    const { code, out, err } = await check('--show', 'misses', '--examples', '5');
    expect(code).toBe(0);
    expect(out).not.toContain('"status"');
    expect(out).toMatch(/^misses: 9 of 16 positive rows not caught \(labels "expect", counting: abuse families/);
    const groups = headings(out);
    expect(groups[0]).toMatch(/^ +5 {2}"cupeng" — no near miss; suspicious word: in 5 positive \/ 0 clean rows$/);
    expect(out).toContain('"bodoh" — term of kasar.insult-aimed, cancelled: no `near` word within 3 words');
    expect(out).toContain('"brengsik" — near miss: ≈ "brengsek" of kasar.insult (edit distance 1)');
    expect(out).toContain('s-11  Keputusan «bodoh», rakyat lagi yang rugi');
    expect(out).toContain('s-10  Penulis artikel ini «cupengnya» kebangetan');
    expect(err).toMatch(/checked 32 comments/);
  });

  it('when --limit and --examples are given, then only that many groups and rows per group are printed', async () => {
    const { out } = await check('--show', 'misses', '--limit', '1', '--examples', '2');
    expect(headings(out)).toHaveLength(1);
    expect(out).toContain('… 3 more\n');
    expect(out).toContain('… 2 more groups (4 rows); raise --limit to see them');
    expect(out.split('\n').filter((l) => l.startsWith('        s-'))).toHaveLength(2);
  });
});

describe('saring check --show false-positives', () => {
  it('when a clean row is caught, then the rule and the matched span are shown', async () => {
    const { code, out } = await check('--show', 'false-positives');
    expect(code).toBe(0);
    expect(out).toMatch(/^false-positives: 1 of 16 clean rows caught/);
    expect(headings(out)).toEqual(['   1  kasar.insult-aimed "anjing" (kasar.directed)']);
    expect(out).toContain('s-15  Awas ada «anjing» galak, kamu hati-hati lewat gang itu');
  });
});

describe('saring check --show: bad usage', () => {
  it.each([
    [['--show', 'misses'], /--show misses needs --labels FIELD/],
    [['--labels', 'expect', '--show', 'typos'], /--show must be "misses" or "false-positives", not "typos"/],
    [['--labels', 'expect', '--show', 'misses', '--limit', '0'], /--limit must be a whole number of 1 or more/],
    [['--labels', 'expect', '--limit', '5'], /--limit and --examples go with --show/],
  ])('when the options are %j, then it exits 2 and says why', async (args, message) => {
    const { code, out, err } = await run(['check', '--rules', RULES, '--input', SAMPLE, ...args]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe('');
  });
});

describe('saring check --labels without --show', () => {
  it('when the label names no category (abusive), then its row counts the abuse families, as npm run eval does', async () => {
    const { out, err } = await check();
    expect(out.split('\n').filter(Boolean)).toHaveLength(32);
    expect(err).toContain('| abusive | 7 | 0 | 9 | 100.0% | 43.8% |');
  });
});

describe('saring eval on the fixture', () => {
  it('when --dir names a folder of labelled files, then the table has a row for it', async () => {
    const { code, out } = await run(['eval', '--rules', RULES, '--dir', path.dirname(SAMPLE)]);
    expect(code).toBe(0);
    expect(out).toContain('| labelled-sample | abuse families | 32 | 0.875 | 0.438 |');
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { parse } from 'yaml';
import { moderate, type CompiledRuleset } from '../../src/moderation';
import { normalize } from '../../src/moderation/normalize/pipeline';
import { ClassScanner, type CharSet } from '../../src/moderation/class-scanner';
import { TextViews } from '../../src/moderation/text-views';
import { literalClause, patternGate, type Clause } from '../../src/rules/regex-gate';
import { parseRegex } from '../../src/rules/regex-syntax';
import { RULES_DIR, readJsonl, shippedRuleset } from './shipped-rules';

const ruleset = shippedRuleset();

/** Whether the text meets every clause, checked naively (no automaton). */
function naive(clauses: Clause[], text: string): boolean {
  const cps = [0x02, ...[...text].map((c) => c.codePointAt(0) as number), 0x03];
  const inSet = (set: CharSet, cp: number) => {
    for (let i = 0; i < set.length; i += 2) if (cp >= (set[i] as number) && cp <= (set[i + 1] as number)) return true;
    return false;
  };
  return clauses.every((clause) => clause.some((s) => cps.some((_, at) => at + s.length <= cps.length && s.every((set, k) => inSet(set, cps[at + k] as number)))));
}

const gateHolds = (clauses: Clause[], text: string) => new ClassScanner(clauses).scan(text).every((f) => f === 1);

/** The texts the shipped rules were written against: every example in the rule files, and the fixtures. */
function ruleTexts(): string[] {
  const texts: string[] = [];
  for (const name of readdirSync(RULES_DIR).filter((n) => n.endsWith('.yaml') && !n.startsWith('_'))) {
    const file = parse(readFileSync(path.join(RULES_DIR, name), 'utf8')) as { rules?: Array<{ examples?: { match?: string[]; noMatch?: string[]; 'no-match'?: string[] } }> };
    for (const r of file.rules ?? []) texts.push(...Object.values(r.examples ?? {}).flat());
  }
  for (const f of ['must-pass.jsonl', 'must-catch.jsonl', 'labelled-sample.jsonl']) texts.push(...readJsonl<{ text: string }>(f).map((r) => r.text));
  return texts;
}

describe('pattern gates', () => {
  const patterns = ruleset.rules.flatMap((r) => r.patterns.map((p) => ({ id: r.id, p })));

  it('gives nearly every shipped pattern a gate', () => {
    const ungated = patterns.filter(({ p }) => p.gate.length === 0).map(({ id }) => id);
    expect(ungated).toEqual([]);
  });

  it.each([
    ['a literal', 'slot gacor', ['slot gacor'], ['slot', 'gacor']],
    ['an alternation inside a phrase', '\\b(?:cina|arab) (?:babi|anjing)\\b', ['dasar cina babi', 'arab anjing'], ['cina', 'babi arab']],
    ['a start anchor', '^(?:halo|hai)', ['halo semua'], ['ya halo']],
    ['an end anchor', 'gacor$', ['slot gacor'], ['gacor banget']],
    ['bounded repeats of a class', '[0-9]{4}-[0-9]{4}', ['1234-5678'], ['123-5678', '1234 5678']],
    ['an astral character', '🖤[a-z]{3}🖤', ['🖤abc🖤'], ['🖤ab🖤', '🖤abc']],
    ['a negated class', 'w[^a-z0-9\\n]i[^a-z0-9\\n]n', ['w.i.n', 'w i n'], ['win', 'w\ni n']],
  ])('holds exactly where the text has what the pattern needs: %s', (_why, source, yes, no) => {
    const clauses = patternGate(source);
    expect(clauses.length).toBeGreaterThan(0);
    for (const text of yes) expect([text, gateHolds(clauses, text)]).toEqual([text, true]);
    for (const text of no) expect([text, gateHolds(clauses, text), RE2JS.compile(source).matcher(text).find()]).toEqual([text, false, false]);
  });

  it.each([
    ['flags', '(?i)slot'],
    ['a Unicode class', '\\pL+slot'],
    ['a back-reference', '(a)\\1'],
    ['a class range from a class escape', '[\\d-z]'],
    ['a brace that is not a repeat', 'a{x}'],
  ])('leaves a pattern it cannot read ungated: %s', (_why, source) => {
    expect(patternGate(source)).toEqual([]);
  });

  it('reads the syntax the shipped patterns use', () => {
    for (const { p } of patterns) expect(() => parseRegex(p.source)).not.toThrow();
  });

  it('never shuts out a text a shipped pattern matches (random text from the pattern\'s own characters)', () => {
    for (const { id, p } of patterns) {
      const clauses = p.gate.map((c) => c); // indices: check through the ruleset's scanner
      const letters = [...new Set([...p.source.replace(/\\[bsn]/g, ' ')].filter((c) => /[\p{L}\p{N}\p{So} .\-+@/:]/u.test(c)))];
      const unit = fc.oneof(fc.constantFrom(...letters), fc.constantFrom(' ', '.', '-', '\n', 'x', '7', '8'));
      fc.assert(
        fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
          const text = parts.join('');
          if (!p.re.matcher(text).find()) return;
          const held = ruleset.gates[p.view].scan(text);
          expect([id, text, clauses.every((c) => held[c] === 1)]).toEqual([id, text, true]);
        }),
        { numRuns: 300, seed: 11 },
      );
    }
  });

  it('never shuts out a text a pattern matches (random patterns and texts over a small alphabet)', () => {
    const atom = fc.oneof(fc.constantFrom('a', 'b', 'c', ' ', '-', '[ab]', '[^a]', '.', '\\b', '\\b', '^', '$', '\\s', '[a-c]', '[ -]'));
    const regex = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        atom,
        fc.tuple(tie('node'), tie('node')).map(([x, y]) => `${x}${y}`),
        fc.tuple(tie('node'), tie('node')).map(([x, y]) => `(?:${x}|${y})`),
        fc.tuple(tie('node'), fc.constantFrom('*', '+', '?', '{2}', '{1,3}', '{2,}')).map(([x, q]) => `(?:${x})${q}`),
      ),
    })).node;
    fc.assert(
      fc.property(regex, fc.array(fc.constantFrom('a', 'b', 'c', ' ', '-', '\n'), { maxLength: 12 }), (source, parts) => {
        const text = parts.join('');
        let re: RE2JS;
        try {
          re = RE2JS.compile(source);
        } catch {
          return;
        }
        const clauses = patternGate(source);
        if (re.matcher(text).find()) expect([source, text, gateHolds(clauses, text)]).toEqual([source, text, true]);
        expect([source, text, gateHolds(clauses, text)]).toEqual([source, text, naive(clauses, text)]);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  const ungated: CompiledRuleset = {
    ...ruleset,
    rules: ruleset.rules.map((r) => ({ ...r, patterns: r.patterns.map((p) => ({ ...p, gate: [] })) })),
    screens: new Int32Array(ruleset.screens.length).fill(-1),
  };

  it('screens most patterns with one clause of the text view, one per pattern in the order they run (the decisions below are the same without)', () => {
    const inOrder = ruleset.alwaysRules.flatMap((i) => ruleset.rules[i]?.patterns ?? []);
    expect(ruleset.screens).toHaveLength(inOrder.length);
    expect([...ruleset.screens].filter((c) => c >= 0).length).toBeGreaterThan(inOrder.length / 2);
  });

  it('gives the same decisions as running every pattern on every text', () => {
    for (const text of ruleTexts()) expect([text, moderate(ruleset, text)]).toEqual([text, moderate(ungated, text)]);
  });

  it('gives every shipped words-view pattern a shadow in the text view (most texts then need no words view)', () => {
    const words = patterns.filter(({ p }) => p.view === 'words');
    expect(words.length).toBeGreaterThan(0);
    expect(words.filter(({ p }) => p.shadow < 0).map(({ id }) => id)).toEqual([]);
    expect(patterns.filter(({ p }) => p.view === 'text' && p.shadow >= 0)).toEqual([]);
  });

  it('gives the same decisions with the shadows when words are spaced out, repeated with "-" or cut by punctuation', () => {
    const spaced = (t: string) => t.split(' ').map((w, i) => (i % 2 === 1 ? [...w].join(' ') : w)).join(' ');
    const repeated = (t: string) => t.split(' ').map((w) => `${w}-${w}`).join(' ');
    const cut = (t: string) => t.split(' ').join('... ');
    for (const text of ruleTexts()) {
      for (const variant of [spaced(text), repeated(text), cut(text)]) expect([variant, moderate(ruleset, variant)]).toEqual([variant, moderate(ungated, variant)]);
    }
  });
});

describe('class scanner', () => {
  const clauses: Clause[] = [literalClause(['ab', 'ba']), literalClause(['abc']), literalClause(['c a'])];
  /** Random texts of a, b, c and spaces: the scanner says what the naive check says, and keeps at most `maxStates`. */
  const answersLikeNaive = (scanner: ClassScanner, seed: number, maxStates: number) => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', ' '), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect([text, [...scanner.scan(text)].map((f) => f === 1)]).toEqual([text, clauses.map((c) => naive([c], text))]);
      }),
      { numRuns: 500, seed },
    );
    expect(scanner.stateCount).toBeLessThanOrEqual(maxStates);
  };

  it('keeps giving the right answer past its state bound (it starts over)', () => {
    answersLikeNaive(new ClassScanner(clauses, 3), 3, 3);
  });

  it('keeps its states within a byte bound too, and still gives the right answer', () => {
    // these strings have 5 positions: one 32-bit word per state, so 12 bytes hold 3 states
    answersLikeNaive(new ClassScanner(clauses, 4096, 12), 4, 3);
  });

  it('reads the words view the patterns with `view: words` run on', () => {
    const views = new TextViews(normalize('Dasar   CINA babi!!'));
    expect(views.wordsText()).toBe('dasar cina babi');
    expect(views.words().text).toBe(views.wordsText());
  });
});

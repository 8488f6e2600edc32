import path from 'node:path';
import fc from 'fast-check';
import { moderate, type CompiledRuleset, type Decision } from '../../src/moderation';
import { loadRulesetFromDir } from '../../src/rules/load';

/**
 * Arbitrary and adversarial Unicode at the engine with the shipped rules:
 * it never throws and its spans always point into the original text. The
 * slowest call is recorded (not asserted: timing lives in benchmarks) and
 * printed with SARING_REPORT_TIMING=1 for docs/reliability.md.
 */
describe('hostile text at the engine', () => {
  let ruleset: CompiledRuleset;
  let slowest = { ms: 0, length: 0, kind: '' };
  beforeAll(async () => {
    ruleset = await loadRulesetFromDir(path.resolve(__dirname, '../../rules'));
  });
  afterAll(() => {
    if (process.env.SARING_REPORT_TIMING) process.stdout.write(`hostile-engine slowest call: ${slowest.ms.toFixed(2)} ms for ${slowest.length} chars (${slowest.kind})\n`);
  });

  const run = (text: string, kind: string, language?: string): Decision => {
    const started = process.hrtime.bigint();
    const decision = moderate(ruleset, text, { language });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (ms > slowest.ms) slowest = { ms, length: text.length, kind };
    return decision;
  };

  const expectSound = (text: string, d: Decision) => {
    expect(['approved', 'pending', 'rejected']).toContain(d.status);
    expect(typeof d.maskedText).toBe('string');
    for (const reason of d.reasons) {
      for (const span of reason.spans) {
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(text.length);
        expect(span.start).toBeLessThan(span.end);
        expect(span.text).toBe(text.slice(span.start, span.end));
      }
    }
  };

  it.each([
    ['full Unicode code points', fc.string({ unit: 'binary', maxLength: 2_000 })],
    ['graphemes', fc.string({ unit: 'grapheme', maxLength: 1_000 })],
    ['UTF-16 units with lone surrogates', fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 2_000 })],
  ])('when the text is made of %s, then the engine answers with spans inside the text', (kind, arb) => {
    fc.assert(
      fc.property(arb, fc.constantFrom(undefined, 'id', 'en'), (text, language) => expectSound(text, run(text, kind, language))),
      { numRuns: 300 },
    );
  });

  // pieces commenters use to dodge filters, and pieces that stress normalisation
  const piece = fc.constantFrom('anjing', 'a.n.j.i.n.g', 'a n j i n g', '4nj1ng', 'anjiiiiiing', 'bgst', 'tolol-tolol', 'pantai', 'asuransi', '\u200b', '\u200d', '\u0301', '\u0336', 'ａｎｊｉｎｇ', 'дasar', 'lu', 'kamu', ' ', '.', '-', '*', '$', '@', 'http://x.co/', '0812-3456-7890', 'judi online', 'a', 'aaaa', '🙂', '🏳️‍🌈', '\ud800');
  it('when up to 10 KB of adversarial pieces are stitched together, then the engine answers soundly', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 2_500 }), (parts) => {
        const text = parts.join('').slice(0, 10_000);
        expectSound(text, run(text, 'adversarial pieces'));
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['one letter repeated', 'a'.repeat(10_000)],
    ['one letter with separators', 'a.'.repeat(5_000)],
    ['spaced letters', 'a '.repeat(5_000)],
    ['zero-width joiners', 'a\u200b'.repeat(5_000)],
    ['combining marks', 'a' + '\u0301'.repeat(9_999)],
    ['a bad word repeated', 'anjing '.repeat(1_428)],
    ['leet soup', '4nj1ng$@7'.repeat(1_111)],
    ['digits', '0812'.repeat(2_500)],
    ['emoji', '🙂'.repeat(5_000)],
  ])('when the text is 10 KB of %s, then the engine answers soundly', (kind, text) => {
    expectSound(text, run(text, kind));
  });
});

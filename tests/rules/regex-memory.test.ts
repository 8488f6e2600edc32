import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RE2JS } from 're2js';
import { ExamplesCache } from '../../src/rules/examples-cache';
import { loadRulesetFromDir } from '../../src/rules/load';
import { REGEX_DFA_BYTES, boundRegexMemory, regexDfaBudget } from '../../src/rules/regex-memory';
import { shippedRuleset } from '../moderation/shipped-rules';

/**
 * The engine asks each pattern whether it matches at all before it finds the spans (re2js's lazy
 * DFA answers that); each pattern's DFA keeps a share of one budget, not re2js's own 8 MiB each.
 */
describe('the patterns’ DFA memory (src/rules/regex-memory.ts)', () => {
  it('when the shipped rules are compiled, then every pattern’s DFA has its share of the one budget', () => {
    const patterns = shippedRuleset().rules.flatMap((r) => r.patterns.map((p) => p.re));
    expect(patterns.length).toBeGreaterThan(10);
    const share = Math.floor(REGEX_DFA_BYTES / patterns.length);
    for (const re of patterns) {
      const budget = regexDfaBudget(re);
      expect(budget?.share).toBe(share);
      expect(budget?.room).toBeLessThanOrEqual(share);
    }
  });

  it('when the shipped rules come from the examples cache, then each pattern is compiled when first used, with the same share', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'saring-regex-share-'));
    try {
      const rulesDir = path.resolve(__dirname, '../../rules');
      await loadRulesetFromDir(rulesDir, { examples: new ExamplesCache(cacheDir) });
      const cached = await loadRulesetFromDir(rulesDir, { examples: new ExamplesCache(cacheDir) });
      const patterns = cached.rules.flatMap((r) => r.patterns);
      expect(patterns.length).toBe(shippedRuleset().rules.flatMap((r) => r.patterns).length);
      // deferred: nothing compiled until asked; asked, each gets the one budget's share
      expect(Object.getOwnPropertyDescriptor(patterns[0], 're')?.get).toBeDefined();
      const share = Math.floor(REGEX_DFA_BYTES / patterns.length);
      for (const p of patterns) expect(regexDfaBudget(p.re)?.share).toBe(share);
      expect(patterns[0]?.re).toBe(patterns[0]?.re);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('when a pattern whose DFA has 2^13 states meets varied text past its share, then it stays in its share and answers as before', () => {
    // the 13th character from the end is an "a": the DFA must remember the last 13 characters
    const source = '[ab]*a[ab]{12}x';
    const re = RE2JS.compile(source);
    expect(boundRegexMemory([re], 64 * 1024)).toBe(64 * 1024);
    const native = new RegExp(source);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b'), { minLength: 10, maxLength: 60 }), fc.boolean(), (parts, end) => {
        const text = parts.join('') + (end ? 'x' : '');
        expect([text, re.test(text)]).toEqual([text, native.test(text)]);
        const budget = regexDfaBudget(re);
        expect(budget?.share).toBe(64 * 1024);
        expect(budget?.room).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});

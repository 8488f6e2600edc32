import fc from 'fast-check';
import { englishRecommendedBlacklistMatcherTransformers, englishRecommendedWhitelistMatcherTransformers, type TransformerContainer } from 'obscenity';
import { englishMatcherOptions } from '../../src/moderation/english';
import { TransformChain } from '../../src/moderation/transform-chain';

/** Runs text through obscenity transformers one code point at a time, every transformer called, as its matcher does. */
function applyTransformers(text: string, containers: readonly TransformerContainer[]): string {
  const fns = containers.map((c) => {
    if ('transform' in c) return c.transform;
    const t = c.factory();
    t.reset();
    return (cp: number) => t.transform(cp);
  });
  let out = '';
  for (const ch of text) {
    let cp: number | undefined = ch.codePointAt(0) as number;
    for (const fn of fns) {
      if (cp === undefined) break;
      cp = fn(cp);
    }
    if (cp !== undefined) out += String.fromCodePoint(cp);
  }
  return out;
}

/** obscenity's way: every transformer called for every code point. */
function reference(text: string, chain: readonly TransformerContainer[]): { text: string; origin: number[] } {
  const origin: number[] = [];
  let out = '';
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const piece = applyTransformers(text.slice(0, i + (cp > 0xffff ? 2 : 1)), chain).slice(out.length);
    for (let k = 0; k < piece.length; k++) origin.push(i);
    out += piece;
    i += cp > 0xffff ? 2 : 1;
  }
  return { text: out, origin };
}

describe('transformer chain', () => {
  it.each([
    ['the blacklist chain (leet, look-alikes, collapse with thresholds)', englishRecommendedBlacklistMatcherTransformers],
    ['obscenity\'s whitelist chain (collapse with no default threshold)', englishRecommendedWhitelistMatcherTransformers],
    ['Saring\'s whitelist chain (look-alikes, case, the blacklist\'s collapse)', englishMatcherOptions().whitelistMatcherTransformers],
  ])('gives obscenity\'s text and offsets: %s', (_why, chain) => {
    const ours = new TransformChain(chain);
    const unit = fc.constantFrom('a', 'A', 's', 'S', '$', '5', '0', 'o', ' ', '  ', 'ѕ', '𝐚', '😂', 'ü', 'bb', 'eee', 'x', '\ud83d');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const got = ours.apply(text);
        expect([text, got.text, got.origin]).toEqual([text, ...Object.values(reference(text, chain))]);
      }),
      { numRuns: 1500, seed: 9 },
    );
  });

  it('hands runs longer than it learnt to the transformer itself', () => {
    const ours = new TransformChain(englishRecommendedWhitelistMatcherTransformers);
    const text = `${'a'.repeat(100)}  b`;
    expect(ours.apply(text).text).toBe(`${'a'.repeat(100)} b`);
  });
});

import fc from 'fast-check';
import { moderate } from '../../src/moderation';
import { normalize } from '../../src/moderation/normalize/pipeline';
import { foldText, originalEnd, originalStart } from '../../src/moderation/normalize/fold-text';
import { lexicalForm } from '../../src/moderation/normalize/lexical';
import { tokenSpan } from '../../src/moderation/normalize/pipeline';
import { shippedRuleset } from './shipped-rules';

// strings mixing ASCII, look-alikes, marks, zero-width, emoji and astral letters
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...'aAnjig 4170@$.-/ \n'.split('')),
    fc.constantFrom('𝐕', '🅿', '\ufe0e', '\u20e3', '\u200b', '\u0301', '\u0353', 'υ', 'а', 'ｐ', 'ß', 'İ', 'ﬁ', '😀', '\u00ad', 'ᴀ'),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
  ),
  maxLength: 80,
});

describe('normalisation properties', () => {
  it('never throws, on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => void normalize(s)));
    fc.assert(fc.property(tricky, (s) => void normalize(s)));
  });

  it('folding is idempotent', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        const once = foldText(s).text;
        expect(foldText(once).text).toBe(once);
      }),
    );
  });

  it('the lexical form of a word is idempotent', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        for (const t of normalize(s).tokens) expect(lexicalForm(lexicalForm(t.raw))).toBe(lexicalForm(t.raw));
      }),
    );
  });

  it('every folded character and every word maps inside the original text', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        const n = normalize(s);
        for (let i = 0; i < n.folded.text.length; i++) {
          const a = originalStart(n.folded, i);
          const b = originalEnd(n.folded, i);
          expect(0 <= a && a < b && b <= s.length).toBe(true);
        }
        for (const t of n.tokens) {
          const span = tokenSpan(n, t);
          expect(0 <= span.start && span.start < span.end && span.end <= s.length).toBe(true);
        }
      }),
    );
  });

  it('every span of every decision points into the original text', () => {
    const ruleset = shippedRuleset();
    const words = fc.constantFrom('anjing', 'lu', 'dasar', 'g0bl0k', 'p u l a u', '777', 'gacor', '0812-3456-7890', 'b.a.n.g.s.a.t', 'fuck', 'you', 'pantai', '𝐕𝐈𝐒𝐈4️⃣𝗗', 'tolol-tolol');
    const comment = fc.array(fc.oneof(words, tricky), { maxLength: 12 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(comment, (text) => {
        const d = moderate(ruleset, text);
        for (const r of d.reasons) {
          for (const span of r.spans) {
            expect(span.start).toBeGreaterThanOrEqual(0);
            expect(span.end).toBeLessThanOrEqual(text.length);
            expect(span.start).toBeLessThan(span.end);
            expect(text.slice(span.start, span.end)).toBe(span.text);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

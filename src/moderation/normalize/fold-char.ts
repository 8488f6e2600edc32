import { LOOKALIKES, foldEnclosedLetter, isFancyCodePoint } from './lookalikes';

/**
 * Per-code-point folding, the first transformers of the pipeline:
 * `nfkc` (compatibility decomposition), `strip-marks` (combining marks), `strip-invisible`
 * (zero-width, control, variation selectors, keycap), `lookalikes`, `lowercase`.
 * The result for one code point is cached; it may be '' (dropped) or several chars (æ → ae).
 */
export interface FoldedChar {
  /** Replacement text, lower-case Latin where possible; '' when the character is dropped. */
  out: string;
  /** The character is a combining mark (attaches to the previous character). */
  mark: boolean;
  /** The character is a "fancy" look-alike (math bold, enclosed, fullwidth…). */
  fancy: boolean;
}

const MARK = /\p{M}/u;
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;
const INVISIBLE_EXTRA = new Set([0x034f, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x3164, 0xffa0, 0x20e3]);

/** Zero-width, control and format characters, variation selectors, the keycap mark, Hangul fillers. */
function isInvisible(cp: number, ch: string): boolean {
  return (
    INVISIBLE_EXTRA.has(cp) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || CONTROL_OR_FORMAT.test(ch)
  );
}
// U+2061–U+2064 (function application, invisible times, separator, plus) separate words: "Dasar\u2063GOBLOK" is two words
const SPACE = /[\s\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u2061-\u2064\u3000]/u;
const cache = new Map<number, FoldedChar>();

function lookalike(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    out += LOOKALIKES.get(cp) ?? ch;
  }
  return out;
}

function computeFold(cp: number): FoldedChar {
  const ch = String.fromCodePoint(cp);
  const fancy = isFancyCodePoint(cp) || LOOKALIKES.has(cp);
  if (ch === '\n' || ch === '\t' || ch === '\r' || SPACE.test(ch)) return { out: ' ', mark: false, fancy: false };
  if (isInvisible(cp, ch) && (cp === 0x20e3 || (cp >= 0xfe00 && cp <= 0xfe0f))) return { out: '', mark: true, fancy: cp === 0x20e3 };
  if (MARK.test(ch)) return { out: '', mark: true, fancy: false };
  if (isInvisible(cp, ch)) return { out: '', mark: false, fancy: false };
  const enclosed = foldEnclosedLetter(cp);
  if (enclosed !== undefined) return { out: enclosed, mark: false, fancy: true };
  const direct = LOOKALIKES.get(cp);
  if (direct !== undefined) return { out: direct, mark: false, fancy };
  const decomposed = lookalike(ch.normalize('NFKD').replace(/\p{M}/gu, '')).toLowerCase();
  const out = lookalike(decomposed.normalize('NFKD').replace(/[\p{M}\p{Cf}\p{Cc}]/gu, ''));
  return { out: out.replace(/\s/g, ' '), mark: false, fancy };
}

/** Folds one non-ASCII code point (cached). */
export function foldCodePoint(cp: number): FoldedChar {
  let folded = cache.get(cp);
  if (folded === undefined) {
    folded = computeFold(cp);
    if (cache.size < 65536) cache.set(cp, folded);
  }
  return folded;
}

import { foldText, originalEnd, originalStart, type FoldedText } from './fold-text';
import { lexicalForm } from './lexical';
import { joinSpacedLetters, mergeReduplication, splitWords, type Token } from './tokenize';

/** A comment after the normalisation pipeline, with every word mapped to the original text. */
export interface NormalizedText {
  original: string;
  folded: FoldedText;
  tokens: Token[];
}

/** Names of the transformers, in the order they run (documentation and tests). */
export const PIPELINE = [
  'nfkc',
  'lookalikes',
  'strip-marks',
  'strip-invisible',
  'lowercase',
  'split-words',
  'join-spaced',
  'reduplication',
  'leet',
  'squeeze-repeats',
  'variants',
  'affixes',
] as const;

/**
 * Runs the character and word transformers of the Indonesian preset.
 * Word-level forms (leet, repeats, variants, affixes) are derived per token by the matcher.
 */
export function normalize(text: string): NormalizedText {
  const folded = foldText(text);
  const words = mergeReduplication(joinSpacedLetters(splitWords(folded), folded.text), folded.text);
  return { original: text, folded, tokens: words };
}

/** Original `[start, end)` of a token. */
export function tokenSpan(n: NormalizedText, token: Token): { start: number; end: number } {
  const first = token.pos[0] ?? token.from;
  const last = token.to - 1;
  return { start: originalStart(n.folded, first), end: originalEnd(n.folded, last) };
}

/** Original `[start, end)` of the folded range `[from, to)`. */
export function foldedRangeSpan(n: NormalizedText, from: number, to: number): { start: number; end: number } {
  return { start: originalStart(n.folded, from), end: originalEnd(n.folded, Math.max(from, to - 1)) };
}

/**
 * The normalised words of a text joined by spaces: the view a human can read to see
 * what the matcher sees. Idempotent: `normalizeToWords(normalizeToWords(x)) === normalizeToWords(x)`.
 */
export function normalizeToWords(text: string): string {
  return normalize(text)
    .tokens.map((t) => lexicalForm(t.raw))
    .join(' ');
}

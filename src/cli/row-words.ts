import { normalize } from '../moderation/normalize/pipeline';
import { lexicalForm } from '../moderation/normalize/lexical';
import { tokenSpan, type NormalizedText } from '../moderation/normalize/pipeline';

/** The words of a text as the matcher sees them, with where each one is in the original. */
export interface RowWords {
  n: NormalizedText;
  /** Lexical form (leet undone, repeats squeezed) of each token, in order. */
  forms: string[];
}

/** Normalises a text once and keeps its tokens' lexical forms. */
export function readRowWords(text: string): RowWords {
  const n = normalize(text);
  return { n, forms: n.tokens.map((t) => lexicalForm(t.raw)) };
}

/** Original `[start, end)` of tokens `a..b` (inclusive). */
export function spanOfTokens(words: RowWords, a: number, b: number): { start: number; end: number } {
  const first = words.n.tokens[a];
  const last = words.n.tokens[b];
  if (first === undefined || last === undefined) return { start: 0, end: 0 };
  return { start: tokenSpan(words.n, first).start, end: tokenSpan(words.n, last).end };
}

/** True for a form worth counting as a word: three characters or more, not only digits. */
export function isWordish(form: string): boolean {
  return form.length >= 3 && !/^\d+$/.test(form);
}

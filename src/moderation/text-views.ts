import { originalEnd, originalStart } from './normalize/fold-text';
import { foldedRangeSpan, type NormalizedText } from './normalize/pipeline';
import type { Token } from './normalize/tokenize';

/** A match located both in the original text and in word indices. */
export interface Hit {
  start: number;
  end: number;
  /** First and last word the hit touches (inclusive); -1 when it touches none. */
  a: number;
  b: number;
  /** Distinct-hit key (term index or matched text). */
  key: string;
}

/** Widens a span to every original character of the tokens (a bidi override reorders them). */
function widenToTokens(n: NormalizedText, tokens: Token[], span: { start: number; end: number }): void {
  for (const t of tokens) {
    for (const p of t.pos) {
      span.start = Math.min(span.start, originalStart(n.folded, p));
      span.end = Math.max(span.end, originalEnd(n.folded, p));
    }
  }
}

/** Per-text views built lazily and shared by every rule. */
export class TextViews {
  private wordsView: { text: string; pos: number[] } | null = null;
  private wordsJoined: string | null = null;
  private digits = -1;
  private spaced = -1;

  constructor(readonly n: NormalizedText) {}

  /** Normalised words joined by single spaces. */
  wordsText(): string {
    this.wordsJoined ??= this.n.tokens.map((t) => t.raw).join(' ');
    return this.wordsJoined;
  }

  /** The words view with each char's folded index (-1 for the spaces). */
  words(): { text: string; pos: number[] } {
    if (this.wordsView !== null) return this.wordsView;
    const tokens = this.n.tokens;
    let length = 0;
    for (const t of tokens) length += t.raw.length + 1;
    const pos = new Array<number>(length).fill(-1);
    let k = 0;
    for (const t of tokens) {
      for (let i = 0; i < t.raw.length; i++) pos[k + i] = t.pos[i] ?? t.from;
      k += t.raw.length + 1;
    }
    this.wordsView = { text: this.wordsText(), pos };
    return this.wordsView;
  }

  /** Some word was joined from spaced-out letters (a n j i n g): its letters are apart in the folded text. */
  spacedOut(): boolean {
    if (this.spaced < 0) this.spaced = this.n.tokens.some((t) => t.joined === true) ? 1 : 0;
    return this.spaced === 1;
  }

  /** Number of ASCII digits in the folded text. */
  digitCount(): number {
    if (this.digits >= 0) return this.digits;
    let count = 0;
    const text = this.n.folded.text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) count++;
    }
    this.digits = count;
    return count;
  }

  /** Builds a hit from a folded range `[from, to)`. */
  hitFromFolded(from: number, to: number, key: string): Hit {
    const span = foldedRangeSpan(this.n, from, to);
    const [a, b] = this.wordRange(from, to);
    return { start: span.start, end: span.end, a, b, key };
  }

  /** Builds a hit from a range `[s, e)` of the words view. */
  hitFromWords(s: number, e: number, key: string): Hit {
    const pos = this.words().pos;
    let from = -1;
    let to = -1;
    for (let i = s; i < e; i++) {
      const p = pos[i] ?? -1;
      if (p < 0) continue;
      if (from < 0) from = p;
      to = p + 1;
    }
    if (from < 0) return { start: 0, end: 0, a: -1, b: -1, key };
    return this.hitFromFolded(from, to, key);
  }

  /** Builds a hit from words `[a, b]`. */
  hitFromTokens(a: number, b: number, key: string): Hit {
    const first = this.n.tokens[a] as Token;
    const last = this.n.tokens[b] as Token;
    const span = foldedRangeSpan(this.n, first.pos[0] ?? first.from, last.to);
    if (this.n.folded.reordered) widenToTokens(this.n, this.n.tokens.slice(a, b + 1), span);
    return { start: span.start, end: span.end, a, b, key };
  }

  /** Builds a hit from an original-text range. */
  hitFromOriginal(start: number, end: number, key: string): Hit {
    let a = -1;
    let b = -1;
    this.n.tokens.forEach((t, i) => {
      const span = this.hitFromTokensSpan(t);
      if (span.start < end && span.end > start) {
        if (a < 0) a = i;
        b = i;
      }
    });
    return { start, end, a, b, key };
  }

  private hitFromTokensSpan(t: Token): { start: number; end: number } {
    return foldedRangeSpan(this.n, t.pos[0] ?? t.from, t.to);
  }

  /** First and last token overlapping the folded range `[from, to)`. */
  private wordRange(from: number, to: number): [number, number] {
    const tokens = this.n.tokens;
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokens[mid] as Token).to <= from) lo = mid + 1;
      else hi = mid;
    }
    let a = -1;
    let b = -1;
    for (let i = lo; i < tokens.length && (tokens[i] as Token).from < to; i++) {
      if (a < 0) a = i;
      b = i;
    }
    return [a, b];
  }
}

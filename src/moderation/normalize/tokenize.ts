import type { FoldedText } from './fold-text';

/**
 * A word of the folded text. `pos` lists the folded index of every character of `raw`
 * (tokens joined from spaced-out letters are not contiguous).
 */
export interface Token {
  raw: string;
  pos: number[];
  /** Folded index of the first and one past the last character (covers joined separators). */
  from: number;
  to: number;
  /** Joined from spaced-out letters (a n j i n g); such a run may hold more than one word. */
  joined?: true;
}

const LETTER = /\p{L}/u;
const JOINERS = ' .-_*/|+~·•,';

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return true;
  if (c < 128) {
    // '@' and '$' stand for letters inside a word (b@ngs@t, $hit), never at a mention's start
    if (c === 64) return i > 0 && isAlnum(text.charCodeAt(i - 1)) && isAlnum(text.charCodeAt(i + 1));
    if (c === 36) return isAlnum(text.charCodeAt(i + 1));
    // '*' hiding a letter (a*jing, f*ck) stays in the word so the slang dictionary can name it
    if (c === 42) return i > 0 && isAlnum(text.charCodeAt(i - 1)) && isAlnum(text.charCodeAt(i + 1));
    return false;
  }
  return LETTER.test(text[i] ?? '');
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * A word that is one run of the folded text: its positions are `from … to - 1`, made only when
 * something asks (a hit's span): most words of most comments never need them.
 */
class RunToken implements Token {
  private positions: number[] | null = null;

  constructor(
    readonly raw: string,
    readonly from: number,
    readonly to: number,
  ) {}

  get pos(): number[] {
    if (this.positions === null) {
      const pos = new Array<number>(this.to - this.from);
      for (let k = this.from; k < this.to; k++) pos[k - this.from] = k;
      this.positions = pos;
    }
    return this.positions;
  }
}

/** `split-words` transformer: maximal runs of word characters. */
export function splitWords(folded: FoldedText): Token[] {
  const text = folded.text;
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordCode(text, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isWordCode(text, i)) i++;
    tokens.push(new RunToken(text.slice(start, i), start, i));
  }
  return tokens;
}

function isShortJoiner(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 2) return false;
  for (let k = from; k < to; k++) if (!JOINERS.includes(text[k] ?? '\n')) return false;
  return true;
}

/**
 * `join-spaced` transformer: three or more one-character words separated by a short
 * separator (a n j i n g, a.n.j.i.n.g, P U L A U 7 7 7, 7/7/7) become one word.
 */
export function joinSpacedLetters(tokens: Token[], text: string): Token[] {
  if (!hasSpacedRun(tokens)) return tokens;
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j + 1 < tokens.length) {
      const a = tokens[j] as Token;
      const b = tokens[j + 1] as Token;
      if (a.raw.length !== 1 || b.raw.length !== 1 || !isShortJoiner(text, a.to, b.from)) break;
      j++;
    }
    const first = tokens[i] as Token;
    if (j - i >= 2) {
      const run = tokens.slice(i, j + 1);
      out.push({ raw: run.map((t) => t.raw).join(''), pos: run.map((t) => t.from), from: first.from, to: (tokens[j] as Token).to, joined: true });
      i = j + 1;
    } else {
      out.push(first);
      i++;
    }
  }
  return out;
}

/** Three one-character words in a row: the only place `join-spaced` can change anything. */
function hasSpacedRun(tokens: Token[]): boolean {
  for (let i = 2; i < tokens.length; i++) {
    if ((tokens[i] as Token).raw.length === 1 && (tokens[i - 1] as Token).raw.length === 1 && (tokens[i - 2] as Token).raw.length === 1) return true;
  }
  return false;
}

/** `reduplication` transformer: tolol-tolol, masing-masing → one word covering both halves. */
export function mergeReduplication(tokens: Token[], text: string): Token[] {
  let repeated = false;
  for (let i = 1; i < tokens.length && !repeated; i++) repeated = (tokens[i] as Token).raw === (tokens[i - 1] as Token).raw;
  if (!repeated) return tokens;
  const out: Token[] = [];
  for (const token of tokens) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.raw === token.raw && token.from - prev.to === 1 && text[prev.to] === '-') {
      out[out.length - 1] = { raw: prev.raw, pos: prev.pos, from: prev.from, to: token.to };
    } else out.push(token);
  }
  return out;
}

function splitAt(token: Token, k: number): [Token, Token] {
  const firstEnd = (token.pos[k - 1] ?? token.from) + 1;
  const secondStart = token.pos[k] ?? firstEnd;
  return [
    { raw: token.raw.slice(0, k), pos: token.pos.slice(0, k), from: token.from, to: firstEnd, joined: true },
    { raw: token.raw.slice(k), pos: token.pos.slice(k), from: secondStart, to: token.to, joined: true },
  ];
}

/**
 * `split-joined` transformer: a run of spaced-out letters that is not a known word but is two
 * known words ("a n j i n g l u" → anjing lu) becomes those two words. Only joined runs are
 * split, so ordinary words are never cut apart.
 */
export function splitJoinedWords(tokens: Token[], isKnown: (word: string) => boolean): Token[] {
  if (!tokens.some((t) => t.joined === true)) return tokens;
  const out: Token[] = [];
  for (const token of tokens) {
    const n = token.raw.length;
    let split: [Token, Token] | null = null;
    if (token.joined === true && n >= 4 && !isKnown(token.raw)) {
      for (let k = n - 2; k >= 2 && split === null; k--) {
        if (isKnown(token.raw.slice(0, k)) && isKnown(token.raw.slice(k))) split = splitAt(token, k);
      }
    }
    if (split === null) out.push(token);
    else out.push(...split);
  }
  return out;
}

/**
 * A reader for the RE2 syntax rule patterns use, giving a tree of character sets, used only to
 * derive what a pattern needs to find in a text before it can match (`regex-gate.ts`). It reads a
 * subset — literals, escapes, classes, groups, alternation, repeats, anchors — and throws on
 * anything else (flags, Unicode classes, back-references…): a pattern it cannot read simply runs
 * on every text, as before.
 */
import { TEXT_END, TEXT_START, type CharSet } from '../moderation/class-scanner';

export type { CharSet };

export type RegexNode =
  | { kind: 'set'; set: CharSet }
  | { kind: 'empty' }
  | { kind: 'cat'; items: RegexNode[] }
  | { kind: 'alt'; items: RegexNode[] }
  | { kind: 'repeat'; item: RegexNode; min: number; max: number };

export const MAX_CODE_POINT = 0x10ffff;


/** Sorts and merges ranges into a CharSet. */
export function charSet(ranges: ReadonlyArray<readonly [number, number]>): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of sorted) {
    const last = out.length - 1;
    if (last > 0 && lo <= (out[last] as number) + 1) out[last] = Math.max(out[last] as number, hi);
    else out.push(lo, hi);
  }
  return out;
}

/** The code points not in `set`. */
export function complement(set: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < set.length; i += 2) {
    if ((set[i] as number) > next) out.push(next, (set[i] as number) - 1);
    next = (set[i + 1] as number) + 1;
  }
  if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT);
  return out;
}

const single = (cp: number): [number, number] => [cp, cp];
const DIGIT: Array<[number, number]> = [[48, 57]];
const WORD: Array<[number, number]> = [[48, 57], [65, 90], [95, 95], [97, 122]];
// RE2's \s: [\t\n\f\r ]
const SPACE: Array<[number, number]> = [[9, 10], [12, 13], [32, 32]];
const PERL: Record<string, { ranges: Array<[number, number]>; negated: boolean }> = {
  d: { ranges: DIGIT, negated: false },
  D: { ranges: DIGIT, negated: true },
  w: { ranges: WORD, negated: false },
  W: { ranges: WORD, negated: true },
  s: { ranges: SPACE, negated: false },
  S: { ranges: SPACE, negated: true },
};
const CONTROL: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11, a: 7 };
/** Empty-width escapes read as no constraint at all (`\b` is read as a word boundary: see `WORD_BOUNDARY`). */
const ANCHOR_ESCAPES = new Set(['B', 'A', 'z']);
/** `\b` in a tree: a marker set the gate analysis turns into a constraint on its neighbours. */
export const WORD_BOUNDARY = 0x01;

class Reader {
  private i = 0;
  private readonly cps: number[];

  constructor(source: string) {
    this.cps = [...source].map((ch) => ch.codePointAt(0) as number);
  }

  parse(): RegexNode {
    const node = this.alternation();
    if (this.i < this.cps.length) throw new Error(`unexpected ${String.fromCodePoint(this.peek())} at ${this.i}`);
    return node;
  }

  private peek(k = 0): number {
    return this.cps[this.i + k] ?? -1;
  }

  private is(ch: string, k = 0): boolean {
    return this.peek(k) === ch.codePointAt(0);
  }

  private alternation(): RegexNode {
    const items = [this.concatenation()];
    while (this.is('|')) {
      this.i++;
      items.push(this.concatenation());
    }
    return items.length === 1 ? (items[0] as RegexNode) : { kind: 'alt', items };
  }

  private concatenation(): RegexNode {
    const items: RegexNode[] = [];
    while (this.i < this.cps.length && !this.is('|') && !this.is(')')) items.push(this.repeated(this.atom()));
    if (items.length === 0) return { kind: 'empty' };
    return items.length === 1 ? (items[0] as RegexNode) : { kind: 'cat', items };
  }

  private repeated(atom: RegexNode): RegexNode {
    let node = atom;
    for (;;) {
      let bounds: [number, number] | null;
      if (this.is('{')) {
        bounds = this.bounds();
        if (bounds === null) throw new Error('a { that is not a repeat');
      } else {
        bounds = this.is('*') ? [0, Infinity] : this.is('+') ? [1, Infinity] : this.is('?') ? [0, 1] : null;
        if (bounds === null) return node;
        this.i++;
      }
      const [min, max] = bounds;
      if (this.is('?')) this.i++; // lazy: the same language
      node = { kind: 'repeat', item: node, min, max };
    }
  }

  private bounds(): [number, number] | null {
    const rest = String.fromCodePoint(...this.cps.slice(this.i, this.i + 16));
    const m = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    if (m === null) return null;
    this.i += (m[0] as string).length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    if (max < min || min > 1000 || (max !== Infinity && max > 1000)) throw new Error('bad repeat bounds');
    return [min, max];
  }

  private atom(): RegexNode {
    const cp = this.peek();
    if (this.is('(')) return this.group();
    if (this.is('[')) return { kind: 'set', set: this.bracket() };
    if (this.is('^') || this.is('$')) {
      const edge = this.is('^') ? TEXT_START : TEXT_END;
      this.i++;
      return { kind: 'set', set: [edge, edge] };
    }
    if (this.is('.')) {
      this.i++;
      return { kind: 'set', set: complement([10, 10]) };
    }
    if (this.is('*') || this.is('+') || this.is('?')) throw new Error('a repeat with nothing to repeat');
    if (this.is('\\')) {
      const esc = this.escape();
      return esc === null ? { kind: 'empty' } : { kind: 'set', set: esc };
    }
    this.i++;
    return { kind: 'set', set: [cp, cp] };
  }

  private group(): RegexNode {
    this.i++;
    if (this.is('?')) {
      if (this.is(':', 1)) this.i += 2;
      else if (this.is('P', 1) || this.is('<', 1)) {
        while (this.i < this.cps.length && !this.is('>')) this.i++;
        this.i++;
      } else throw new Error('flags and look-arounds are not read');
    }
    const inner = this.alternation();
    if (!this.is(')')) throw new Error('missing )');
    this.i++;
    return inner;
  }

  /** An escape outside a class: a set, or null for an empty-width assertion. */
  private escape(): CharSet | null {
    const ch = String.fromCodePoint(this.peek(1));
    if (ch === 'b') {
      this.i += 2;
      return [WORD_BOUNDARY, WORD_BOUNDARY];
    }
    if (ANCHOR_ESCAPES.has(ch)) {
      this.i += 2;
      return null;
    }
    return this.classEscape();
  }

  /** An escape that stands for characters (inside or outside a class). */
  private classEscape(): CharSet {
    const cp = this.peek(1);
    const ch = String.fromCodePoint(cp);
    this.i += 2;
    const perl = PERL[ch];
    if (perl !== undefined) return perl.negated ? complement(charSet(perl.ranges)) : charSet(perl.ranges);
    const control = CONTROL[ch];
    if (control !== undefined) return [control, control];
    if (ch === 'x') return this.hexEscape();
    if (/[0-9A-Za-z]/.test(ch) || cp < 0) throw new Error(`escape \\${ch} is not read`);
    return [cp, cp];
  }

  private hexEscape(): CharSet {
    const rest = String.fromCodePoint(...this.cps.slice(this.i, this.i + 10));
    const m = /^(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{2}))/.exec(rest);
    if (m === null) throw new Error('bad \\x escape');
    this.i += (m[0] as string).length;
    const cp = parseInt((m[1] ?? m[2]) as string, 16);
    return [cp, cp];
  }

  private bracket(): CharSet {
    this.i++;
    const negated = this.is('^');
    if (negated) this.i++;
    const ranges: Array<[number, number]> = [];
    let first = true;
    while (this.i < this.cps.length && (first || !this.is(']'))) {
      first = false;
      if (this.is('[') && this.is(':', 1)) throw new Error('POSIX classes are not read');
      const lo = this.classAtom();
      if (!this.is('-') || this.is(']', 1) || this.i + 1 >= this.cps.length) {
        for (let k = 0; k < lo.set.length; k += 2) ranges.push([lo.set[k] as number, lo.set[k + 1] as number]);
        continue;
      }
      this.i++;
      const hi = this.classAtom();
      if (!lo.char || !hi.char || (hi.set[0] as number) < (lo.set[0] as number)) throw new Error('bad class range');
      ranges.push([lo.set[0] as number, hi.set[0] as number]);
    }
    if (!this.is(']')) throw new Error('missing ]');
    this.i++;
    const set = charSet(ranges);
    return negated ? complement(set) : set;
  }

  /** One item of a class; `char` when it is a single character (a range may end at it). */
  private classAtom(): { set: CharSet; char: boolean } {
    if (this.is('\\')) {
      const perl = PERL[String.fromCodePoint(this.peek(1))] !== undefined;
      const set = this.classEscape();
      return { set, char: !perl };
    }
    const cp = this.peek();
    this.i++;
    return { set: charSet([single(cp)]), char: true };
  }
}

/**
 * Reads an RE2 pattern into a tree of character sets; throws on syntax it does not read.
 *
 * @example
 * parseRegex('a[0-9]?') // { kind: 'cat', items: [{ kind: 'set', set: [97, 97] }, { kind: 'repeat', … }] }
 */
export function parseRegex(source: string): RegexNode {
  return new Reader(source).parse();
}

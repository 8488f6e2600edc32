import { SyntaxKind, type BlacklistedTerm, type Node, type ParsedPattern, type TransformerContainer } from 'obscenity';

/** A match as obscenity reports it: original-text offsets, `endIndex` inclusive. */
export interface TermMatch {
  termId: number;
  startIndex: number;
  endIndex: number;
}

/** A chain of obscenity transformers run over a text, with the map back to the original offsets. */
class Chain {
  private readonly simple: Array<(cp: number) => number | undefined> = [];
  private readonly stateful: Array<{ at: number; t: { transform(cp: number): number | undefined; reset(): void } }> = [];
  private readonly order: Array<'simple' | 'stateful'> = [];
  /** The simple transformers' result per ASCII code point (-1: dropped). */
  private readonly ascii = new Int32Array(128);
  private readonly other = new Map<number, number>();

  constructor(containers: readonly TransformerContainer[]) {
    for (const c of containers) {
      if ('transform' in c) {
        this.simple.push(c.transform);
        this.order.push('simple');
      } else {
        this.stateful.push({ at: this.order.length, t: c.factory() });
        this.order.push('stateful');
      }
    }
    if (this.order.indexOf('stateful') !== -1 && this.order.lastIndexOf('simple') > this.order.indexOf('stateful')) {
      throw new Error('obscenity transformers: a simple transformer after a stateful one is not supported');
    }
    for (let c = 0; c < 128; c++) this.ascii[c] = this.mapSimple(c);
  }

  private mapSimple(cp: number): number {
    let out: number | undefined = cp;
    for (const fn of this.simple) {
      out = fn(out);
      if (out === undefined) return -1;
    }
    return out;
  }

  /** The transformed text and, per UTF-16 unit of it, the original offset of its code point. */
  apply(input: string): { text: string; origin: number[] } {
    let text = '';
    const origin: number[] = [];
    for (const { t } of this.stateful) t.reset();
    for (let i = 0; i < input.length; ) {
      const at = i;
      let cp = input.charCodeAt(i++);
      if (cp >= 0xd800 && cp <= 0xdbff && i < input.length) {
        const low = input.charCodeAt(i);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = (cp - 0xd800) * 1024 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      let out: number | undefined = cp < 128 ? (this.ascii[cp] as number) : this.otherChar(cp);
      if (out === -1) continue;
      for (const { t } of this.stateful) {
        out = t.transform(out as number);
        if (out === undefined) break;
      }
      if (out === undefined) continue;
      text += String.fromCodePoint(out);
      while (origin.length < text.length) origin.push(at);
    }
    for (const { t } of this.stateful) t.reset();
    return { text, origin };
  }

  private otherChar(cp: number): number {
    let out = this.other.get(cp);
    if (out === undefined) {
      out = this.mapSimple(cp);
      if (this.other.size < 65536) this.other.set(cp, out);
    }
    return out;
  }
}

const SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;

function nodeSource(node: Node): string {
  if (node.kind === SyntaxKind.Literal) return String.fromCodePoint(...node.chars).replace(SPECIAL, '\\$&');
  if (node.kind === SyntaxKind.Wildcard) return '[\\s\\S]';
  return `(?:${nodeSource(node.childNode)})?`;
}

/** One obscenity pattern as a regex source, as obscenity itself compiles it. */
export function patternSource(p: ParsedPattern): string {
  return (p.requireWordBoundaryAtStart ? '\\b' : '') + p.nodes.map(nodeSource).join('') + (p.requireWordBoundaryAtEnd ? '\\b' : '');
}

/** UTF-16 units a pattern's match can start with; null when it can start with anything (a wildcard). */
function firstUnits(nodes: readonly Node[]): Set<number> | null {
  const units = new Set<number>();
  for (const node of nodes) {
    const inner = node.kind === SyntaxKind.Optional ? node.childNode : node;
    if (inner.kind === SyntaxKind.Wildcard) return null;
    units.add(String.fromCodePoint(inner.chars[0] as number).charCodeAt(0));
    if (node.kind !== SyntaxKind.Optional) return units;
  }
  return null;
}

interface Term {
  id: number;
  sticky: RegExp;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * obscenity's `RegExpMatcher.getAllMatches(text, true)`, computed in one sweep: one regex joining
 * every pattern finds the positions where any of them matches, and only the patterns that can
 * start with the character there are tried on it — where obscenity runs each of its patterns over
 * the whole text and looks the whitelist up on every text. The results are the same, match for
 * match (tested against obscenity itself); the whitelist is only looked at once something matched.
 */
export class EnglishMatcher {
  private readonly any: RegExp;
  private readonly byUnit = new Map<number, Term[]>();
  private readonly anywhere: Term[] = [];
  private readonly blacklist: Chain;
  private readonly whitelistChain: Chain;

  constructor(
    terms: readonly BlacklistedTerm[],
    private readonly whitelist: readonly string[],
    blacklistTransformers: readonly TransformerContainer[],
    whitelistTransformers: readonly TransformerContainer[],
  ) {
    this.blacklist = new Chain(blacklistTransformers);
    this.whitelistChain = new Chain(whitelistTransformers);
    const sources = terms.map((t) => patternSource(t.pattern));
    this.any = new RegExp([...new Set(sources)].join('|'), 'g');
    terms.forEach((t, i) => {
      const term = { id: t.id, sticky: new RegExp(sources[i] as string, 'ys') };
      const units = firstUnits(t.pattern.nodes);
      if (units === null) this.anywhere.push(term);
      else for (const u of units) this.byUnit.set(u, [...(this.byUnit.get(u) ?? []), term]);
    });
  }

  /** Every match, sorted by position and term id, as obscenity's `getAllMatches(text, true)`. */
  getAllMatches(input: string): TermMatch[] {
    const { text, origin } = this.blacklist.apply(input);
    const any = this.any;
    any.lastIndex = 0;
    let m = any.exec(text);
    if (m === null) return [];
    const found: Array<{ id: number; start: number; end: number }> = [];
    /** Per term, where its next match may start (obscenity's matches of one term do not overlap). */
    const free = new Map<number, number>();
    while (m !== null) {
      const at = m.index;
      for (const list of [this.byUnit.get(text.charCodeAt(at)), this.anywhere]) {
        for (const term of list ?? []) {
          if ((free.get(term.id) ?? 0) > at) continue;
          term.sticky.lastIndex = at;
          const hit = term.sticky.exec(text);
          if (hit === null) continue;
          free.set(term.id, at + Math.max(1, hit[0].length));
          found.push({ id: term.id, start: at, end: at + hit[0].length });
        }
      }
      any.lastIndex = at + 1;
      m = any.exec(text);
    }
    const allowed = this.whitelistedIntervals(input);
    const matches: TermMatch[] = [];
    for (const f of found) {
      const startIndex = origin[f.start] as number;
      let endIndex = origin[f.end - 1] as number;
      if (endIndex < input.length - 1 && isHigh(input.charCodeAt(endIndex)) && isLow(input.charCodeAt(endIndex + 1))) endIndex++;
      if (!allowed.some(([lo, hi]) => lo <= startIndex && endIndex <= hi)) matches.push({ termId: f.id, startIndex, endIndex });
    }
    return matches.sort((a, b) => a.startIndex - b.startIndex || a.endIndex - b.endIndex || a.termId - b.termId);
  }

  private whitelistedIntervals(input: string): Array<[number, number]> {
    const { text, origin } = this.whitelistChain.apply(input);
    const out: Array<[number, number]> = [];
    for (const term of this.whitelist) {
      for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + term.length)) {
        let end = origin[i + term.length - 1] as number;
        if (end < input.length - 1 && isHigh(input.charCodeAt(end)) && isLow(input.charCodeAt(end + 1))) end++;
        out.push([origin[i] as number, end]);
      }
    }
    return out;
  }
}

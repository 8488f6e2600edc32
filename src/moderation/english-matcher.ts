import { SyntaxKind, type BlacklistedTerm, type Node, type ParsedPattern, type TransformerContainer } from 'obscenity';
import { ClassScanner, literalString, type CharSet } from './class-scanner';
import { textOfCodes } from './normalize/utf16';
import { TransformChain } from './transform-chain';

/** A match as obscenity reports it: original-text offsets, `endIndex` inclusive. */
export interface TermMatch {
  termId: number;
  startIndex: number;
  endIndex: number;
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

const ANY: CharSet = [0, 0x10ffff];

/**
 * Every string of sets a pattern's match can be, for the scanner: optionals taken or not,
 * wildcards as any character, word boundaries left out — so a text can only match where one of
 * them occurs. Null when the pattern has a non-ASCII letter (a wildcard reads UTF-16 units there,
 * the scanner code points) or too many optionals: that term is always tried.
 */
function patternStrings(nodes: readonly Node[]): CharSet[][] | null {
  let out: CharSet[][] = [[]];
  const sets = (node: Node): CharSet[] | null => {
    if (node.kind === SyntaxKind.Wildcard) return [ANY];
    if (node.kind === SyntaxKind.Optional) return sets(node.childNode);
    if (node.chars.some((c) => c > 127)) return null;
    return node.chars.map((c) => [c, c]);
  };
  for (const node of nodes) {
    const part = sets(node);
    if (part === null || out.length > 256) return null;
    out = node.kind === SyntaxKind.Optional ? out.flatMap((s) => [s, [...s, ...part]]) : out.map((s) => [...s, ...part]);
  }
  return out.filter((s) => s.length > 0);
}

interface Term {
  id: number;
  /** obscenity's regex for the term (flags "gs": UTF-16 units, a wildcard matches any unit). */
  regex: RegExp;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * A text through a transformer chain, and which clauses of a scanner hold in it. Most texts hold
 * none: they are scanned in the chain's buffer and null is returned, with no text made (unless
 * `always`: some term is tried on every text).
 */
function transformAndScan(chain: TransformChain, scanner: ClassScanner, input: string, always: boolean): { text: string; origin: ArrayLike<number>; flags: Uint8Array } | null {
  const n = chain.applyInto(input);
  if (n < 0) {
    const { text, origin } = chain.applyDirect(input);
    const flags = scanner.scan(text);
    return always || flags.includes(1) ? { text, origin, flags } : null;
  }
  const flags = scanner.scanCodes(chain.codes, n);
  return always || flags.includes(1) ? { text: textOfCodes(chain.codes, n), origin: chain.origins, flags } : null;
}

/**
 * obscenity's `RegExpMatcher.getAllMatches(text, true)`, with the work cut to what can match: one
 * scan of the transformed text tells which patterns occur in it (optionals and wildcards expanded,
 * an Aho–Corasick pass over all of them), and only those patterns run their own regex, as
 * obscenity runs them. The whitelist is looked at only once something matched, and only its terms
 * that occur. The results are the same, match for match (tested against obscenity itself).
 */
export class EnglishMatcher {
  private readonly terms: Term[];
  /** Clause k holds when term k may match somewhere. */
  private readonly termScanner: ClassScanner;
  private readonly alwaysTried: number[] = [];
  /** Clause k holds when whitelisted term k occurs. */
  private readonly whitelistScanner: ClassScanner;
  private readonly blacklist: TransformChain;
  private readonly whitelistChain: TransformChain;

  constructor(
    terms: readonly BlacklistedTerm[],
    private readonly whitelist: readonly string[],
    blacklistTransformers: readonly TransformerContainer[],
    whitelistTransformers: readonly TransformerContainer[],
  ) {
    this.blacklist = new TransformChain(blacklistTransformers);
    this.whitelistChain = new TransformChain(whitelistTransformers);
    this.terms = terms.map((t) => ({ id: t.id, regex: new RegExp(patternSource(t.pattern), 'gs') }));
    const clauses = terms.map((t, k) => {
      const strings = patternStrings(t.pattern.nodes);
      if (strings === null) this.alwaysTried.push(k);
      return strings ?? [];
    });
    this.termScanner = new ClassScanner(clauses);
    this.whitelistScanner = new ClassScanner(whitelist.map((w) => [literalString(w)]));
  }

  /** Every match, sorted by position and term id, as obscenity's `getAllMatches(text, true)`. */
  getAllMatches(input: string): TermMatch[] {
    const scanned = transformAndScan(this.blacklist, this.termScanner, input, this.alwaysTried.length > 0);
    if (scanned === null) return [];
    const { text, origin, flags: may } = scanned;
    const found: Array<{ id: number; start: number; end: number }> = [];
    const tryTerm = (term: Term) => {
      term.regex.lastIndex = 0;
      for (let m = term.regex.exec(text); m !== null; m = term.regex.exec(text)) {
        found.push({ id: term.id, start: m.index, end: m.index + m[0].length });
        if (m[0].length === 0) term.regex.lastIndex++;
      }
    };
    for (let k = 0; k < may.length; k++) if (may[k] === 1) tryTerm(this.terms[k] as Term);
    for (const k of this.alwaysTried) tryTerm(this.terms[k] as Term);
    if (found.length === 0) return [];
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
    const scanned = transformAndScan(this.whitelistChain, this.whitelistScanner, input, false);
    if (scanned === null) return [];
    const { text, origin, flags: present } = scanned;
    const out: Array<[number, number]> = [];
    for (const [k, term] of this.whitelist.entries()) {
      if (present[k] === 0) continue;
      for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + term.length)) {
        let end = origin[i + term.length - 1] as number;
        if (end < input.length - 1 && isHigh(input.charCodeAt(end)) && isLow(input.charCodeAt(end + 1))) end++;
        out.push([origin[i] as number, end]);
      }
    }
    return out;
  }
}

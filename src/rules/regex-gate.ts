import { TEXT_END, TEXT_START } from '../moderation/class-scanner';
import { WORD_BOUNDARY, charSet, complement, parseRegex, type CharSet, type RegexNode } from './regex-syntax';

/**
 * What a pattern needs in a text before it can match, derived from the pattern itself when the
 * ruleset is compiled (the prefilter idea of RE2 and code search, over character classes rather
 * than only literals). A `Clause` is a list of class strings — sequences of character sets — and
 * holds when the text contains one of them; a pattern's gate is a list of clauses that must all
 * hold. The gate is necessary, never sufficient: the pattern itself still decides.
 *
 * @example
 * patternGate('\\b(?:cina|arab) (?:babi|anjing)\\b')
 * // two clauses: contains "cina " or "arab "; contains "babi" or "anjing"
 */
export type ClassString = CharSet[];
export type Clause = ClassString[];

interface Info {
  /** Every string the node can match, when few and short (null otherwise). */
  exact: ClassString[] | null;
  /** Strings one of which begins (ends) every match: [[]] when none is known. */
  prefix: ClassString[];
  suffix: ClassString[];
  /** Clauses that hold for any match of the node. */
  clauses: Clause[];
}

const MAX_EXACT = 128;
const MAX_LENGTH = 16;
/**
 * A clause expected this many times in an ordinary 100-character text is no use as a gate. The
 * estimate counts characters as independent, which real text is not ("a b c" is rarer than
 * its letters suggest), so only the clauses that hold almost everywhere are dropped.
 */
const USELESS = 20;
const TEXT_LENGTH = 100;
const MAX_CLAUSES = 2;

const key = (s: ClassString): string => s.map((set) => set.join(',')).join('|');

function unique(strings: ClassString[]): ClassString[] {
  const seen = new Map<string, ClassString>();
  for (const s of strings) seen.set(key(s), s);
  return [...seen.values()];
}

const isSingle = (set: CharSet, cp: number) => set.length === 2 && set[0] === cp && set[1] === cp;
const isZeroWidth = (set: CharSet) => isSingle(set, TEXT_START) || isSingle(set, TEXT_END) || isSingle(set, WORD_BOUNDARY);

/** RE2's word characters for `\b` ([0-9A-Za-z_]) and the rest, the text's two ends included. */
const WORD: CharSet = charSet([[48, 57], [65, 90], [95, 95], [97, 122]]);
const NON_WORD: CharSet = complement(WORD);

function intersect(a: CharSet, b: CharSet): CharSet {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < a.length; i += 2) {
    for (let k = 0; k < b.length; k += 2) {
      const lo = Math.max(a[i] as number, b[k] as number);
      const hi = Math.min(a[i + 1] as number, b[k + 1] as number);
      if (lo <= hi) out.push([lo, hi]);
    }
  }
  return charSet(out);
}

/** What a word boundary between `left` and `right` asks of the side that is not fixed; null: nothing. */
function boundaryNeeds(known: CharSet): CharSet | null {
  if (includesSet(WORD, known)) return NON_WORD;
  if (includesSet(NON_WORD, known)) return WORD;
  return null;
}

/**
 * `^`, `$` and `\b` are empty-width; `^` and `$` are read as the characters a scan feeds before and
 * after the text. A run of them stands for one position: `^` first, then `\b`, then `$` ("^^" is
 * "^"); after that `^` can only come first and `$` last (null: no text can contain the string, as
 * "a^"). A `\b` between two sets narrows one by the other (before a letter: a non-letter or the
 * start); one at the edge of the string waits for the next part (see `settle`).
 */
function tidy(s: ClassString): ClassString | null {
  const out: CharSet[] = [];
  for (let i = 0; i < s.length; ) {
    if (!isZeroWidth(s[i] as CharSet)) {
      out.push(s[i++] as CharSet);
      continue;
    }
    const run = new Set<number>();
    for (; i < s.length && isZeroWidth(s[i] as CharSet); i++) run.add((s[i] as CharSet)[0] as number);
    for (const cp of [TEXT_START, WORD_BOUNDARY, TEXT_END]) if (run.has(cp)) out.push([cp, cp]);
  }
  for (let i = 0; i < out.length; i++) {
    if (isSingle(out[i] as CharSet, TEXT_START) && i > 0) return null;
    if (isSingle(out[i] as CharSet, TEXT_END) && i < out.length - 1) return null;
  }
  for (let i = out.length - 2; i >= 1; i--) {
    if (!isSingle(out[i] as CharSet, WORD_BOUNDARY)) continue;
    const left = out[i - 1] as CharSet;
    const right = out[i + 1] as CharSet;
    const forLeft = boundaryNeeds(right);
    const forRight = forLeft === null ? boundaryNeeds(left) : null;
    if (forLeft !== null) out[i - 1] = intersect(left, forLeft);
    if (forRight !== null) out[i + 1] = intersect(right, forRight);
    if ((out[i - 1] as CharSet).length === 0 || (out[i + 1] as CharSet).length === 0) return null;
    out.splice(i, 1);
  }
  return out;
}

/** A string as a gate: a `\b` left at an edge becomes the character it asks for beyond it, or goes. */
function settle(s: ClassString): ClassString {
  let out = s;
  if (out.length > 0 && isSingle(out[0] as CharSet, WORD_BOUNDARY)) {
    const need = out.length > 1 ? boundaryNeeds(out[1] as CharSet) : null;
    out = need === null ? out.slice(1) : [need, ...out.slice(1)];
  }
  const last = out.length - 1;
  if (last >= 0 && isSingle(out[last] as CharSet, WORD_BOUNDARY)) {
    const need = last > 0 ? boundaryNeeds(out[last - 1] as CharSet) : null;
    out = need === null ? out.slice(0, last) : [...out.slice(0, last), need];
  }
  return out;
}

function product(a: ClassString[], b: ClassString[]): ClassString[] | null {
  if (a.length * b.length > MAX_EXACT) return null;
  const out: ClassString[] = [];
  for (const x of a) for (const y of b) {
    if (x.length + y.length > MAX_LENGTH) return null;
    const joined = tidy([...x, ...y]);
    if (joined !== null) out.push(joined);
  }
  return unique(out);
}

/** Rough share of characters of ordinary comment text that fall in `set`. */
function share(set: CharSet): number {
  let p = 0;
  for (let i = 0; i < set.length; i += 2) {
    const lo = set[i] as number;
    const hi = set[i + 1] as number;
    const overlap = (a: number, b: number) => Math.max(0, Math.min(hi, b) - Math.max(lo, a) + 1);
    p += overlap(97, 122) * 0.035 + overlap(32, 32) * 0.15 + overlap(48, 57) * 0.004 + overlap(10, 10) * 0.003;
    p += (overlap(0, 127) - overlap(97, 122) - overlap(32, 32) - overlap(48, 57) - overlap(10, 10)) * 0.002;
    p += Math.min(0.02, overlap(128, 0x10ffff) * 0.0005);
  }
  return Math.min(1, p);
}

/** How many times a clause is expected in an ordinary text (a rough estimate, for choosing gates). */
export function clauseLikelihood(clause: Clause): number {
  let p = 0;
  for (const s of clause) p += s.reduce((q, set) => q * share(set), 1);
  return p * TEXT_LENGTH;
}

function includesSet(outer: CharSet, inner: CharSet): boolean {
  let k = 0;
  for (let i = 0; i < inner.length; i += 2) {
    while (k < outer.length && (outer[k + 1] as number) < (inner[i] as number)) k += 2;
    if (k >= outer.length || (outer[k] as number) > (inner[i] as number) || (outer[k + 1] as number) < (inner[i + 1] as number)) return false;
  }
  return true;
}

/** Whether every text containing `long` also contains `short` (some window of `long` lies within it). */
function implies(long: ClassString, short: ClassString): boolean {
  for (let at = 0; at + short.length <= long.length; at++) {
    if (short.every((set, k) => includesSet(set, long[at + k] as CharSet))) return true;
  }
  return false;
}

/** Drops the strings that contain another string of the clause: they add nothing to it. */
function minimise(strings: ClassString[]): ClassString[] {
  const sorted = [...strings].sort((a, b) => a.length - b.length);
  const kept: ClassString[] = [];
  for (const s of sorted) if (!kept.some((k) => implies(s, k))) kept.push(s);
  return kept;
}

function asClause(strings: ClassString[]): Clause[] {
  const settled = strings.map(settle);
  if (settled.some((s) => s.length === 0)) return [];
  const clause = minimise(unique(settled));
  return clauseLikelihood(clause) < USELESS ? [clause] : [];
}

function best(clauses: Clause[]): Clause | null {
  let found: Clause | null = null;
  for (const c of clauses) if (found === null || clauseLikelihood(c) < clauseLikelihood(found)) found = c;
  return found;
}

/** An exact node's edges are its strings; a node that cannot match the empty string and has none gives [[]] (no edge known). */
const NO_EDGE: ClassString[] = [[]];

function concatenation(items: RegexNode[]): Info {
  let run: ClassString[] = [[]];
  let prefix: ClassString[] | null = null;
  let whole = true;
  const clauses: Clause[] = [];
  for (const item of items) {
    const info = analyse(item);
    clauses.push(...info.clauses);
    const joined = info.exact !== null ? product(run, info.exact) : null;
    if (joined !== null) {
      run = joined;
      continue;
    }
    // the run so far meets the item's first characters: that joint is contiguous in any match
    const joint = product(run, info.prefix) ?? run;
    prefix ??= whole ? joint : run;
    whole = false;
    clauses.push(...asClause(joint));
    run = info.suffix;
  }
  if (whole) return { exact: run, prefix: run, suffix: run, clauses };
  clauses.push(...asClause(run));
  return { exact: null, prefix: prefix ?? NO_EDGE, suffix: run, clauses };
}

function alternation(items: RegexNode[]): Info {
  const infos = items.map(analyse);
  if (infos.every((i) => i.exact !== null)) {
    const all = unique(infos.flatMap((i) => i.exact as ClassString[]));
    if (all.length <= MAX_EXACT) return { exact: all, prefix: all, suffix: all, clauses: [] };
  }
  const edge = (pick: (i: Info) => ClassString[]): ClassString[] => {
    const all = unique(infos.flatMap(pick));
    return all.length <= MAX_EXACT ? all : NO_EDGE;
  };
  // any match is a match of one branch: one clause from each branch, joined
  const branches: ClassString[] = [];
  for (const info of infos) {
    const clause = info.exact !== null ? (asClause(info.exact)[0] ?? null) : best(info.clauses);
    if (clause === null) return { exact: null, prefix: edge((i) => i.prefix), suffix: edge((i) => i.suffix), clauses: [] };
    branches.push(...clause);
  }
  return { exact: null, prefix: edge((i) => i.prefix), suffix: edge((i) => i.suffix), clauses: asClause(unique(branches)) };
}

function power(strings: ClassString[], k: number): ClassString[] | null {
  let out: ClassString[] | null = [[]];
  for (let i = 0; i < k && out !== null; i++) out = product(out, strings);
  return out;
}

/** The longest power `strings^k`, k ≤ max, that still fits. */
function longestPower(strings: ClassString[], max: number): ClassString[] {
  for (let k = max; k >= 1; k--) {
    const p = power(strings, k);
    if (p !== null) return p;
  }
  return NO_EDGE;
}

function repeat(item: RegexNode, min: number, max: number): Info {
  const info = analyse(item);
  if (info.exact !== null && max !== Infinity) {
    const all: ClassString[] = [];
    let ok = true;
    for (let k = min; k <= max && ok; k++) {
      const p = power(info.exact, k);
      if (p === null) ok = false;
      else all.push(...p);
    }
    if (ok && all.length <= MAX_EXACT) {
      const exact = unique(all);
      return { exact, prefix: exact, suffix: exact, clauses: [] };
    }
  }
  if (min === 0) return { exact: null, prefix: NO_EDGE, suffix: NO_EDGE, clauses: [] };
  if (info.exact === null) return { exact: null, prefix: info.prefix, suffix: info.suffix, clauses: info.clauses };
  // the first (and the last) `min` repeats are contiguous
  const edge = longestPower(info.exact, Math.min(min, MAX_LENGTH));
  return { exact: null, prefix: edge, suffix: edge, clauses: asClause(edge) };
}

function analyse(node: RegexNode): Info {
  switch (node.kind) {
    case 'set':
      return { exact: [[node.set]], prefix: [[node.set]], suffix: [[node.set]], clauses: [] };
    case 'empty':
      return { exact: [[]], prefix: [[]], suffix: [[]], clauses: [] };
    case 'cat':
      return concatenation(node.items);
    case 'alt':
      return alternation(node.items);
    case 'repeat':
      return repeat(node.item, node.min, node.max);
  }
}

/**
 * The clauses a text must satisfy before `source` can match anywhere in it, the most selective
 * first; empty when the pattern cannot be read or nothing useful is required.
 */
export function patternGate(source: string): Clause[] {
  let node: RegexNode;
  try {
    node = parseRegex(source);
  } catch {
    return [];
  }
  const info = analyse(node);
  const clauses = [...info.clauses];
  if (info.exact !== null) clauses.push(...asClause(info.exact));
  const seen = new Set<string>();
  return clauses
    .filter((c) => {
      const k = c.map(key).sort().join('/');
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => clauseLikelihood(a) - clauseLikelihood(b))
    .slice(0, MAX_CLAUSES);
}

/** A clause holding when the text contains one of these literal strings (a rule's `requires`). */
export function literalClause(literals: readonly string[]): Clause {
  return literals.map((l) => [...l].map((ch) => [ch.codePointAt(0) as number, ch.codePointAt(0) as number]));
}

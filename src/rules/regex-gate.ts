import { TEXT_END, TEXT_START } from '../moderation/class-scanner';
import { parseRegex, type CharSet, type RegexNode } from './regex-syntax';

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

const isEdge = (set: CharSet, edge: number) => set.length === 2 && set[0] === edge && set[1] === edge;

/**
 * `^` and `$` are empty-width, read as the characters a scan feeds before and after the text: a
 * run of them stands for one position ("^^" is "^"; "$^" only matches an empty text), "^" can
 * only come first and "$" last. Null for a string no text can contain ("a^").
 */
function tidy(s: ClassString): ClassString | null {
  const out: CharSet[] = [];
  for (let i = 0; i < s.length; ) {
    const set = s[i] as CharSet;
    if (!isEdge(set, TEXT_START) && !isEdge(set, TEXT_END)) {
      out.push(set);
      i++;
      continue;
    }
    let start = false;
    let end = false;
    for (; i < s.length && (isEdge(s[i] as CharSet, TEXT_START) || isEdge(s[i] as CharSet, TEXT_END)); i++) {
      if (isEdge(s[i] as CharSet, TEXT_START)) start = true;
      else end = true;
    }
    if (start) out.push([TEXT_START, TEXT_START]);
    if (end) out.push([TEXT_END, TEXT_END]);
  }
  for (let i = 0; i < out.length; i++) {
    if (isEdge(out[i] as CharSet, TEXT_START) && i > 0) return null;
    if (isEdge(out[i] as CharSet, TEXT_END) && i < out.length - 1) return null;
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
  if (strings.some((s) => s.length === 0)) return [];
  const clause = minimise(strings);
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

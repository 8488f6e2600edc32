import { literalString } from '../moderation/class-scanner';
import { clauseKey, clauseLikelihood, minimise, settle, tidy, unique, type ClassString, type Clause } from './class-strings';
import { parseRegex, type RegexNode } from './regex-syntax';

export { clauseLikelihood, type ClassString, type Clause };

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
const MAX_CLAUSES = 2;


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
      const k = clauseKey(c);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => clauseLikelihood(a) - clauseLikelihood(b))
    .slice(0, MAX_CLAUSES);
}

/** A clause holding when the text contains one of these literal strings (a rule's `requires`). */
export function literalClause(literals: readonly string[]): Clause {
  return literals.map(literalString);
}

import { ClassScanner } from '../moderation/class-scanner';
import type { CompiledPattern, CompiledRule, PatternGates, PatternView } from '../moderation/compiled';
import { clauseKey, clauseLikelihood, includesSet, type ClassString, type Clause } from './class-strings';
import { literalClause, patternGate } from './regex-gate';
import type { CharSet } from './regex-syntax';

/**
 * Gives every pattern its gate — the clauses derived from it (`regex-gate.ts`) and its declared
 * `requires` literals — and builds one scanner per view that checks every clause of the ruleset
 * in a single pass over a text. A pattern then runs only on the texts where all its clauses hold.
 * `known`: `patternGate`'s result by pattern source, as worked out before (`ExamplesCache`).
 */
export function compileGates(rules: readonly CompiledRule[], known?: ReadonlyMap<string, Clause[]>): PatternGates {
  const clauses: Record<PatternView, Clause[]> = { text: [], words: [] };
  const ids: Record<PatternView, Map<string, number>> = { text: new Map(), words: new Map() };
  const idOf = (view: PatternView, clause: Clause): number => {
    const key = clauseKey(clause);
    let id = ids[view].get(key);
    if (id === undefined) {
      id = clauses[view].push(clause) - 1;
      ids[view].set(key, id);
    }
    return id;
  };
  for (const rule of rules) {
    for (const p of rule.patterns) {
      const own = [...(known?.get(p.source) ?? patternGate(p.source))];
      if (p.requires !== undefined) own.unshift(literalClause(p.requires));
      p.gate = own.map((clause) => idOf(p.view, clause));
      const shadow = p.view === 'words' ? shadowOf(own) : null;
      p.shadow = shadow === null ? -1 : idOf('text', shadow);
    }
  }
  return { text: new ClassScanner(clauses.text), words: new ClassScanner(clauses.words) };
}

/** `CompiledRuleset.screens` for these patterns (once `compileGates` gave them their gates). */
export function patternScreens(patterns: readonly CompiledPattern[]): Int32Array {
  return Int32Array.from(patterns, (p) => (p.view === 'text' ? (p.gate[0] ?? -1) : p.shadow));
}

/** Lower-case letters and digits: what a word of the words view holds and the folded text holds in the same order. */
const LETTERS_DIGITS: CharSet = [48, 57, 97, 122];

/** The longest run of a string's sets that only hold letters and digits (empty: none). */
function lettersRun(s: ClassString): ClassString {
  let best: ClassString = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length && includesSet(LETTERS_DIGITS, s[i] as CharSet)) continue;
    if (i - start > best.length) best = s.slice(start, i);
    start = i + 1;
  }
  return best;
}

/**
 * The shadow of a words-view gate in the text view (`CompiledPattern.shadow`): for the most
 * selective clause whose every string has a run of letters and digits, that run of each string.
 * A word of the words view is a run of the folded text (or its first half, for "tolol-tolol"), so
 * letters and digits in a row in a word are in a row in the folded text too. Null: none.
 */
function shadowOf(gate: readonly Clause[]): Clause | null {
  let best: Clause | null = null;
  for (const clause of gate) {
    const runs = clause.map(lettersRun);
    if (runs.some((r) => r.length === 0)) continue;
    if (best === null || clauseLikelihood(runs) < clauseLikelihood(best)) best = runs;
  }
  return best;
}

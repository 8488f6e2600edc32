import { ClassScanner } from '../moderation/class-scanner';
import type { CompiledRule, PatternGates, PatternView } from '../moderation/compiled';
import { clauseKey, type Clause } from './class-strings';
import { literalClause, patternGate } from './regex-gate';

/**
 * Gives every pattern its gate — the clauses derived from it (`regex-gate.ts`) and its declared
 * `requires` literals — and builds one scanner per view that checks every clause of the ruleset
 * in a single pass over a text. A pattern then runs only on the texts where all its clauses hold.
 */
export function compileGates(rules: readonly CompiledRule[]): PatternGates {
  const clauses: Record<PatternView, Clause[]> = { text: [], words: [] };
  const ids: Record<PatternView, Map<string, number>> = { text: new Map(), words: new Map() };
  for (const rule of rules) {
    for (const p of rule.patterns) {
      const own = patternGate(p.source);
      if (p.requires !== undefined) own.unshift(literalClause(p.requires));
      p.gate = own.map((clause) => {
        const key = clauseKey(clause);
        let id = ids[p.view].get(key);
        if (id === undefined) {
          id = clauses[p.view].push(clause) - 1;
          ids[p.view].set(key, id);
        }
        return id;
      });
    }
  }
  return { text: new ClassScanner(clauses.text), words: new ClassScanner(clauses.words) };
}

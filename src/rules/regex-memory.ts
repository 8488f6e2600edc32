import type { RE2JS } from 're2js';

/**
 * What every pattern's lazy DFA may keep, all patterns of a ruleset together (re2js's estimate of
 * its states and tables, in bytes). The engine asks each pattern first whether it matches at all
 * (`RE2JS.test`, answered by that DFA) and finds the spans only then. On its own re2js gives each
 * pattern's DFA 8 MiB: a ruleset at the pattern limit (500) could keep 4 GB under varied text. The
 * shipped patterns use about 1.1 MB together on the dev files, the largest 200 KB.
 */
export const REGEX_DFA_BYTES = 32 * 1024 * 1024;
/** No pattern's DFA gets less than this, whatever the number of patterns. */
const MIN_DFA_BYTES = 64 * 1024;

/** The fields of re2js's lazy DFA (internal to re2js 2.x) that hold its memory budget. */
interface DfaBudget {
  stateBudget: number;
  memBudget: number;
}

function dfaOf(re: RE2JS): DfaBudget | null {
  const dfa = (re.re2() as unknown as { dfa?: Partial<DfaBudget> }).dfa;
  return dfa !== undefined && typeof dfa.stateBudget === 'number' && typeof dfa.memBudget === 'number' ? (dfa as DfaBudget) : null;
}

/**
 * Shares `totalBytes` among the patterns' DFAs (at least 64 KiB each). A DFA past its share clears
 * its states and starts over, or leaves the match to re2js's other engines: slower, never wrong.
 * Returns each pattern's share, or null when this re2js keeps its budget elsewhere (its tests say so).
 */
export function boundRegexMemory(patterns: readonly RE2JS[], totalBytes = REGEX_DFA_BYTES): number | null {
  if (patterns.length === 0) return 0;
  const share = regexShare(patterns.length, totalBytes);
  let bounded = true;
  for (const re of patterns) bounded = giveShare(re, share) && bounded;
  return bounded ? share : null;
}

/** Each pattern's share of `totalBytes` when a ruleset has `count` patterns (`boundRegexMemory`). */
export function regexShare(count: number, totalBytes = REGEX_DFA_BYTES): number {
  return Math.max(MIN_DFA_BYTES, Math.floor(totalBytes / Math.max(1, count)));
}

/** Bounds one pattern's DFA to `share` bytes (a pattern compiled after the others, on first use); false when this re2js keeps its budget elsewhere. */
export function giveShare(re: RE2JS, share: number): boolean {
  const dfa = dfaOf(re);
  if (dfa === null) return false;
  dfa.stateBudget = share;
  dfa.memBudget = Math.min(dfa.memBudget, share);
  return true;
}

/** A pattern's DFA: its share, and the bytes it still may take before it starts over (tests). */
export function regexDfaBudget(re: RE2JS): { share: number; room: number } | null {
  const dfa = dfaOf(re);
  return dfa === null ? null : { share: dfa.stateBudget, room: dfa.memBudget };
}

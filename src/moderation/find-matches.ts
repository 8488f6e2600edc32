import type { RE2JS } from 're2js';

/** re2js's `RE2Flags.UNANCHORED` (not exported): a search from a position (its anchored modes anchor at the text's start only). */
const UNANCHORED = 0;

/** A match: `[start, end]` of the whole match, then of each group (-1 when a group took no part). */
export type MatchSpans = readonly number[];

/**
 * Whether some match starts at `from` or later, the text before `from` read as context (for `^`
 * and `\b`), as `Matcher.find` reads it. Without captures re2js answers with its lazy DFA: one pass.
 */
function matchesFrom(re: RE2JS, text: string, from: number): boolean {
  return (re.re2().matchWithGroup(text, from, text.length, UNANCHORED, 0) as [boolean, unknown])[0];
}

/**
 * The first match that starts at `from` or later — what `re.matcher(text).find()` finds from
 * there, groups included — or null. The lazy DFA first tells, in one linear pass, whether there is
 * one at all (the last search of a text has none, and re2js's matcher would run its backtracker
 * from every remaining position to learn that); then one search asks for every group at once (the
 * matcher finds the span first and searches it again for the groups).
 */
export function findFrom(re: RE2JS, text: string, from: number): MatchSpans | null {
  if (!matchesFrom(re, text, from)) return null;
  const found = re.re2().matchWithGroup(text, from, text.length, UNANCHORED, 1 + re.groupCount()) as [boolean, number[] | null];
  return found[0] ? (found[1] as number[]) : null;
}

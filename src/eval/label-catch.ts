import { abuseCatch, ABUSE_FAMILIES, inFamily, judiCatch, type CatchRule } from './score';

/**
 * How one row's label decides whether the row counts as caught, for the error reports
 * of `saring check --show` and `saring rules suggest`. Same counting as `npm run eval`
 * (src/eval/score.ts), plus labels that name a category or a family of the ruleset.
 */

/** A catch rule for exactly one category (`kasar.directed`) or one family (`sara`). */
export function categoryCatch(name: string): CatchRule {
  return { name, caught: (cs) => cs.some((c) => (name.includes('.') ? c === name : inFamily(name, c))) };
}

/**
 * The catch rule of one label value: `judi` → judi.*; a category or family the ruleset
 * knows (or an abuse family) → that category / family; anything else (`abusive`,
 * `offensive`, `1`…) → the abuse families.
 */
export function catchRuleForLabel(label: string, categories: readonly string[]): CatchRule {
  const name = label.trim().toLowerCase();
  if (name === 'judi') return judiCatch;
  const known = categories.some((c) => (name.includes('.') ? c === name : inFamily(name, c))) || (ABUSE_FAMILIES as readonly string[]).includes(name);
  return known ? categoryCatch(name) : abuseCatch;
}

/** Catches when any of the rules does: a clean row of a file is wrong when it is caught by any counting the file's labels use. */
export function anyCatch(rules: readonly CatchRule[]): CatchRule {
  if (rules.length === 1 && rules[0] !== undefined) return rules[0];
  return { name: rules.map((r) => r.name).join(' or '), caught: (cs) => rules.some((r) => r.caught(cs)) };
}

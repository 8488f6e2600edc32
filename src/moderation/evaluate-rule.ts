import type { CompiledRule } from './compiled';
import type { RuleHits } from './collect-hits';
import type { Hit } from './text-views';
import type { Action } from './types';

/** A rule that fired on a text, before site policy. */
export interface FiredRule {
  rule: CompiledRule;
  action: Action;
  hits: Hit[];
}

function overlaps(a: Hit, b: Hit): boolean {
  return a.start < b.end && b.start < a.end;
}

function isNear(hit: Hit, markers: Hit[], within: number): boolean {
  if (hit.a < 0) return false;
  return markers.some((m) => {
    if (m.a >= hit.a && m.b <= hit.b) return false; // the marker is the hit itself
    return m.a <= hit.b + within && m.b >= hit.a - within;
  });
}

/**
 * Applies a rule's allow phrases, `near` requirement and `minHits` to its hits.
 * Returns null when the rule does not fire.
 */
export function evaluateRule(rule: CompiledRule, index: number, found: RuleHits): FiredRule | null {
  let hits = found.terms.get(index);
  if (hits === undefined || hits.length === 0) return null;
  const allowed = found.allow.get(index);
  if (allowed !== undefined) hits = hits.filter((h) => !allowed.some((a) => overlaps(h, a)));
  if (rule.near !== undefined) {
    const markers = found.near.get(index) ?? [];
    const within = rule.near.within;
    hits = hits.filter((h) => isNear(h, markers, within));
  }
  if (hits.length === 0) return null;
  // one hit is one distinct hit: the set is only made for a rule that asks for more
  if (rule.minHits > 1 && new Set(hits.map((h) => h.key)).size < rule.minHits) return null;
  let action = rule.action;
  if (rule.escalate?.hits !== undefined && hits.length >= rule.escalate.hits) action = rule.escalate.action;
  return { rule, action, hits };
}

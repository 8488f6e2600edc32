import type { RulesetIssue } from '../moderation/errors';
import type { RulesetCost } from './validate-job';

/** When a new ruleset is refused for what it does to ordinary clean comments. */
export interface CostGate {
  /** Most share of the clean sample the new ruleset may give any reason to (0.05 = 5%). */
  maxHitShare: number;
  /** Most time per comment, as a multiple of the current ruleset's on the same sample. */
  maxCostFactor: number;
}

export const defaultCostGate: Readonly<CostGate> = Object.freeze({ maxHitShare: 0.05, maxCostFactor: 20 });

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/**
 * The issues that refuse a ruleset on its measured cost, with the numbers (empty when it passes).
 * A share already reached by the current ruleset is not held against an edit: only new hits count.
 *
 * @example
 * judgeCost('kasar.yaml', { samples: 200, hits: 200, currentHits: 0, … }, defaultCostGate)
 * // [{ file: 'kasar.yaml', message: 'gives a reason to 200 of 200 clean sample comments (100.0%); the limit is 5.0% (maxHitShare)…' }]
 */
export function judgeCost(file: string, cost: RulesetCost, gate: Readonly<CostGate>): Array<RulesetIssue & { limit: keyof CostGate }> {
  const issues: Array<RulesetIssue & { limit: keyof CostGate }> = [];
  const share = cost.samples > 0 ? cost.hits / cost.samples : 0;
  if (share > gate.maxHitShare && cost.hits > cost.currentHits) {
    const shown = cost.hitExamples.map((h) => `${JSON.stringify(h.text)} (${h.ruleIds.join(', ')})`).join('; ');
    issues.push({
      file,
      limit: 'maxHitShare',
      message: `the ruleset gives a reason to ${cost.hits} of ${cost.samples} clean sample comments (${pct(share)}; the current one to ${cost.currentHits}); the limit is ${pct(gate.maxHitShare)} (maxHitShare). For example: ${shown}`,
    });
  }
  const factor = cost.currentMicrosPerComment > 0 ? cost.microsPerComment / cost.currentMicrosPerComment : 1;
  if (factor > gate.maxCostFactor) {
    issues.push({
      file,
      limit: 'maxCostFactor',
      message: `the ruleset takes ${cost.microsPerComment.toFixed(1)} µs per clean comment, ${factor.toFixed(1)}× the current ${cost.currentMicrosPerComment.toFixed(1)} µs; the limit is ${gate.maxCostFactor}× (maxCostFactor)`,
    });
  }
  return issues;
}

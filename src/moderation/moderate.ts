import { collectOtherHits, collectWordHits } from './collect-hits';
import type { CompiledRule, CompiledRuleset } from './compiled';
import { buildDecision } from './decide';
import { evaluateRule, type FiredRule } from './evaluate-rule';
import { normalize } from './normalize/pipeline';
import { TextViews } from './text-views';
import type { Decision, ModerationContext } from './types';

/**
 * Moderates one text with a compiled ruleset. Pure, synchronous, no I/O.
 *
 * @example
 * const decision = moderate(ruleset, 'Dasar anjing lu');
 * decision.status; // 'approved' (masked) — reasons[0].category === 'kasar.directed'
 */
export function moderate(ruleset: CompiledRuleset, text: string, ctx?: ModerationContext): Decision {
  const views = new TextViews(normalize(text));
  const found = collectWordHits(ruleset, views);
  collectOtherHits(ruleset, views, found, ctx?.language);
  const fired: FiredRule[] = [];
  for (const index of found.terms.keys()) {
    const result = evaluateRule(ruleset.rules[index] as CompiledRule, index, found);
    if (result !== null) fired.push(result);
  }
  return buildDecision(text, fired, ruleset.version, ctx);
}

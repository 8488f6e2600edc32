import { collectOtherHits, collectWordHits } from './collect-hits';
import type { CompiledRule, CompiledRuleset } from './compiled';
import { buildDecision } from './build-decision';
import { evaluateRule, type FiredRule } from './evaluate-rule';
import { lexicalForm } from './normalize/lexical';
import { normalize } from './normalize/pipeline';
import { splitJoinedWords } from './normalize/tokenize';
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
  const normalized = normalize(text);
  const known = (word: string): boolean => {
    const lex = lexicalForm(word);
    return ruleset.vocabulary.has(lex) || ruleset.variants.has(lex) || ruleset.variants.has(word);
  };
  const views = new TextViews({ original: normalized.original, folded: normalized.folded, tokens: splitJoinedWords(normalized.tokens, known) });
  const found = collectWordHits(ruleset, views);
  collectOtherHits(ruleset, views, found, ctx?.language);
  // most comments meet no rule: their answer needs no policy, sorting or masking
  if (found.terms.size === 0) return { status: 'approved', action: 'approve', reasons: [], maskedText: text, rulesetVersion: ruleset.version };
  const fired: FiredRule[] = [];
  for (const index of found.terms.keys()) {
    const result = evaluateRule(ruleset.rules[index] as CompiledRule, index, found);
    if (result !== null) fired.push(result);
  }
  return buildDecision(text, fired, ruleset.version, ctx);
}

import { moderate } from '../../moderation/moderate';
import type { IntakeContext, PhaseResult } from './context';

/**
 * The rule files' verdict on the text, in the site's message language and WITHOUT
 * the site policy: the policy is applied once, after every phase, to the engine's
 * reasons and intake's alike (scope `rule`: categoryActions, else strictness).
 */
export function engineVerdict(ctx: Pick<IntakeContext, 'ruleset' | 'text' | 'language' | 'messageLanguage' | 'now'>): PhaseResult {
  // the reasons cite the law in force at this instant (LEGAL.md: the basis has effective dates)
  const decision = moderate(ctx.ruleset, ctx.text, { language: ctx.language, messageLanguage: ctx.messageLanguage, at: ctx.now });
  return { reasons: decision.reasons.map((reason) => ({ reason, scope: 'rule' })) };
}

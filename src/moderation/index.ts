/**
 * The moderation engine: pure, synchronous, over a ruleset compiled once.
 * Compiling rule files is the rules layer's job (src/rules/compile.ts), which
 * depends on the engine, never the other way round (linted).
 *
 * @example
 * const ruleset = compileRuleset([{ name: 'kasar.yaml', text: yamlText }]);
 * const decision = moderate(ruleset, 'dasar 4nj1ng lu');
 */
export { moderate } from './moderate';
export { RulesetError, type RulesetIssue } from './errors';
export type { CompiledRuleset, CompiledRule, RuleFileSummary } from './compiled';
export { applyPolicy, maskText, statusFor, actionRank } from './decide';
export { normalize, normalizeToWords, PIPELINE } from './normalize/pipeline';
export type { Action, CommentStatus, Decision, ModerationContext, Reason, SitePolicy, Span } from './types';

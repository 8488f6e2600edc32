/**
 * The moderation engine: pure, synchronous, compiled once per ruleset.
 *
 * @example
 * const ruleset = compileRuleset([{ name: 'kasar.yaml', text: yamlText }]);
 * const decision = moderate(ruleset, 'dasar 4nj1ng lu');
 */
export { moderate } from './moderate';
export { validateCandidateSources } from '../rules/validate-candidate';
export { compileRuleset, type RuleFileSource } from '../rules/compile';
export { RulesetError, type RulesetIssue } from './errors';
export type { CompiledRuleset, CompiledRule, RuleFileSummary } from './compiled';
export { applyPolicy, maskText, statusFor, actionRank } from './decide';
export { normalize, normalizeToWords, PIPELINE } from './normalize/pipeline';
export type { Action, CommentStatus, Decision, ModerationContext, Reason, SitePolicy, Span } from './types';

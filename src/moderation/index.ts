/**
 * The moderation engine: pure, synchronous, over a ruleset compiled once. The index
 * is the engine's public face: `moderate` and its types (the rest by module path).
 * Compiling rule files is the rules layer's job (src/rules/compile.ts), which
 * depends on the engine, never the other way round (linted).
 *
 * @example
 * const ruleset = compileRuleset([{ name: 'kasar.yaml', text: yamlText }]); // from src/rules/compile
 * const decision = moderate(ruleset, 'dasar 4nj1ng lu');
 */
export { moderate } from './moderate';
export type { RulesetIssue } from './errors';
export type { CompiledRuleset, CompiledRule, RuleFileSummary } from './compiled';
export type { Action, CommentStatus, Decision, ModerationContext, Reason, SitePolicy, Span } from './types';

import type { CompiledRuleset } from '../moderation/compiled';
import type { RulesetIssue } from '../moderation/errors';
import { moderate } from '../moderation/moderate';

type LineOf = (ruleId: string, kind: 'match' | 'noMatch', index: number) => number | undefined;

/** A rule's examples. */
export interface Examples {
  match?: string[];
  noMatch?: string[];
}

/**
 * Runs every rule's `examples` against the whole compiled ruleset: each `match` text must
 * produce a reason from that rule, each `noMatch` text must not.
 */
export function runExamples(ruleset: CompiledRuleset, byRule: ReadonlyMap<string, Examples>, lineOf: LineOf): RulesetIssue[] {
  const issues: RulesetIssue[] = [];
  for (const rule of ruleset.rules) {
    const examples = byRule.get(rule.id);
    if (examples === undefined) continue;
    const check = (kind: 'match' | 'noMatch', texts: string[] | undefined): void => {
      (texts ?? []).forEach((text, i) => {
        const fired = moderate(ruleset, text).reasons.some((r) => r.ruleId === rule.id);
        if (fired === (kind === 'match')) return;
        issues.push({
          file: rule.file,
          line: lineOf(rule.id, kind, i),
          ruleId: rule.id,
          message: kind === 'match' ? `example should match but does not: ${JSON.stringify(text)}` : `example should not match but does: ${JSON.stringify(text)}`,
        });
      });
    };
    check('match', examples.match);
    check('noMatch', examples.noMatch);
  }
  return issues;
}

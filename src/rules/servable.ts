import type { CompiledRuleset } from '../moderation/compiled';
import { RulesetError } from '../moderation/errors';
import { compileRuleset, type CompileOptions, type RuleFileSource } from './compile';

/**
 * compileRuleset, refusing a result with no rules (an empty folder, only the slang
 * dictionary, the last file removed): such a ruleset would approve every comment,
 * so it is refused like a broken file. `where` names the folder in the issue.
 */
export function compileServableRuleset(sources: ReadonlyArray<RuleFileSource>, where: string, options: CompileOptions = {}): CompiledRuleset {
  const ruleset = compileRuleset([...sources], options);
  if (ruleset.ruleCount === 0) {
    const found = sources.length === 0 ? 'no rule files (*.yaml)' : `only ${sources.map((s) => s.name).join(', ')}`;
    throw new RulesetError([{ file: where, message: `no rules: ${found}; a ruleset with no rules would approve every comment` }]);
  }
  return ruleset;
}

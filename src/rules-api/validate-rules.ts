import { compileRuleset, RulesetError, type CompiledRuleset, type RulesetIssue } from '../moderation';
import { readRuleSources } from '../rules/load';
import { assertRuleFileName } from './rule-files';

/** A candidate rule file: its name and the YAML it would hold. */
export interface CandidateFile {
  name: string;
  content: string;
}

/** The verdict on a set of candidates. */
export type ValidationOutcome = { ok: true; issues: []; ruleset: CompiledRuleset } | { ok: false; issues: RulesetIssue[] };

/**
 * Validates candidate files against the rest of the rules directory, the way
 * the loader would see it after they were written: schema, regex safety,
 * duplicate ids across files and every rule's examples. Writes nothing.
 *
 * @example
 * const verdict = await validateRules(rulesDir, [{ name: 'kasar.yaml', content: edited }]);
 * if (!verdict.ok) console.log(verdict.issues); // [{ file, line, ruleId, message }]
 */
export async function validateRules(dir: string, candidates: CandidateFile[]): Promise<ValidationOutcome> {
  candidates.forEach((c, i) => assertRuleFileName(c.name, candidates.length > 1 ? `files.${i}.name` : 'name'));
  const byName = new Map((await readRuleSources(dir)).map((s) => [s.name, s.text]));
  for (const c of candidates) byName.set(c.name, c.content);
  try {
    const ruleset = compileRuleset([...byName].map(([name, text]) => ({ name, text })));
    return { ok: true, issues: [], ruleset };
  } catch (err) {
    if (err instanceof RulesetError) return { ok: false, issues: err.issues };
    throw err;
  }
}

import { AppError } from '../errors';
import type { RulesetIssue } from '../moderation';
import { readCleanSample } from '../rules/clean-sample';
import { defaultCostGate, judgeCost, type CostGate } from '../rules/cost-gate';
import { checkRuleFileLimits, defaultRuleFileLimits, type RuleFileLimits } from '../rules/limits';
import { readRuleSources } from '../rules/load';
import type { Baseline, RulesetCost } from '../rules/validate-job';
import { defaultValidateBudget, validateInWorker, type ValidateBudget } from '../rules/validate-worker';
import { assertRuleFileName } from './rule-files';
import type { Admit } from './validate-gate';

/** A candidate rule file: its name and the YAML it would hold. */
export interface CandidateFile {
  name: string;
  content: string;
}

/** The verdict on a set of candidates; `cost` is what the result does to the clean sample. */
export type ValidationOutcome =
  | { ok: true; issues: []; rulesetVersion: string; ruleCount: number; cost?: RulesetCost }
  | { ok: false; issues: RulesetIssue[]; cost?: RulesetCost; costRefused?: boolean };

/** Limits, budgets and the cost gate of validation (docs/reliability.md). */
export interface ValidateOptions {
  limits?: Readonly<RuleFileLimits>;
  budget?: Readonly<ValidateBudget>;
  costGate?: Readonly<CostGate>;
  /** Admits the worker phase (rate limit and concurrency, see validate-gate.ts); runs it at once when absent. */
  admit?: Admit;
  /** Holds the current ruleset's figures between validations, so the worker compiles it once per version. */
  baselines?: { value?: Baseline };
}

function overLimit(issues: Array<RulesetIssue & { limit: string }>): AppError {
  const first = issues[0];
  return new AppError('validation_failed', `${first?.file ?? 'The file'} is over a limit: ${first?.message ?? ''}. Nothing was compiled or written.`, issues.map((i) => ({ ...i })));
}

/**
 * Validates candidate files against the rest of the rules directory, the way
 * the loader would see it after they were written: per-file limits first (a 422
 * naming the limit), then, in a worker thread within a time and memory budget,
 * schema, regex safety, duplicate ids, every rule's examples, and the cost on the
 * clean sample (refused past the cost gate). Writes nothing.
 *
 * @example
 * const verdict = await validateRules(rulesDir, [{ name: 'kasar.yaml', content: edited }]);
 * if (!verdict.ok) console.log(verdict.issues); // [{ file, line, ruleId, message }]
 */
export async function validateRules(dir: string, candidates: CandidateFile[], opts: ValidateOptions = {}): Promise<ValidationOutcome> {
  candidates.forEach((c, i) => assertRuleFileName(c.name, candidates.length > 1 ? `files.${i}.name` : 'name'));
  const limits = opts.limits ?? defaultRuleFileLimits;
  const over = candidates.flatMap((c) => checkRuleFileLimits({ name: c.name, text: c.content }, limits));
  if (over.length > 0) throw overLimit(over);
  const budget = opts.budget ?? defaultValidateBudget;
  const admit: Admit = opts.admit ?? ((work) => work());
  const result = await admit(async () => {
    const [current, samples] = await Promise.all([readRuleSources(dir), readCleanSample(dir)]);
    const baseline = opts.baselines?.value;
    return validateInWorker({ current, candidates: candidates.map((c) => ({ name: c.name, text: c.content })), samples, ...(baseline ? { baseline } : {}) }, budget);
  });
  if ('baseline' in result && result.baseline && opts.baselines) opts.baselines.value = result.baseline;
  if ('exceeded' in result) throw overLimit(candidates.map((c) => ({ file: c.name, limit: result.exceeded, message: result.message })));
  if (!result.ok) return { ok: false, issues: result.issues };
  const refusals = result.cost ? judgeCost(candidates.map((c) => c.name).join(', '), result.cost, opts.costGate ?? defaultCostGate) : [];
  if (refusals.length > 0) return { ok: false, issues: refusals, cost: result.cost, costRefused: true };
  return { ok: true, issues: [], rulesetVersion: result.version, ruleCount: result.ruleCount, ...(result.cost ? { cost: result.cost } : {}) };
}

import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { CompiledRuleset } from '../moderation/compiled';
import { RulesetError, type RulesetIssue } from '../moderation/errors';
import { moderate } from '../moderation/moderate';
import { compileRuleset, type RuleFileSource } from './compile';

/** What a validation worker is asked: the rules directory as it is, the candidates, and the clean sample. */
export interface ValidateJob {
  current: RuleFileSource[];
  candidates: RuleFileSource[];
  /** Ordinary clean comments (rules/_samples/clean.txt); empty skips the cost measurement. */
  samples: string[];
  /** The current ruleset's figures from an earlier run, reused when its sources are the same. */
  baseline?: Baseline;
}

/** The current ruleset's figures on the clean sample, keyed by a hash of its sources. */
export interface Baseline {
  key: string;
  hits: number;
  microsPerComment: number;
}

/** What the new ruleset does to the clean sample, next to the current one. */
export interface RulesetCost {
  samples: number;
  /** Clean comments the new ruleset gives any reason to. */
  hits: number;
  /** The same count for the current ruleset. */
  currentHits: number;
  /** The first few of them, with the rule that fired, so the refusal shows what went wrong. */
  hitExamples: Array<{ text: string; ruleIds: string[] }>;
  /** Microseconds per comment, the best of a few passes, for the new and the current ruleset. */
  microsPerComment: number;
  currentMicrosPerComment: number;
}

/** The worker's answer. */
export type ValidateJobResult =
  | { ok: true; version: string; ruleCount: number; compileMs: number; cost?: RulesetCost; baseline?: Baseline }
  | { ok: false; issues: RulesetIssue[] };

function timePerComment(ruleset: CompiledRuleset, samples: string[]): number {
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const start = performance.now();
    for (const text of samples) moderate(ruleset, text);
    best = Math.min(best, performance.now() - start);
  }
  return (best * 1000) / samples.length;
}

/** A key for a set of sources (any order). */
export function sourcesKey(sources: RuleFileSource[]): string {
  const h = createHash('sha256');
  for (const s of [...sources].sort((a, b) => a.name.localeCompare(b.name))) h.update(`${s.name}\0${s.text}\0`);
  return h.digest('hex');
}

function measureBaseline(job: ValidateJob): Baseline | undefined {
  const key = sourcesKey(job.current);
  if (job.baseline?.key === key) return job.baseline;
  let current: CompiledRuleset;
  try {
    current = compileRuleset(job.current);
  } catch {
    return undefined; // a broken directory on disk: the candidate is compared with itself
  }
  return { key, hits: job.samples.filter((text) => moderate(current, text).reasons.length > 0).length, microsPerComment: timePerComment(current, job.samples) };
}

function measureCost(next: CompiledRuleset, baseline: Baseline | undefined, samples: string[]): RulesetCost {
  const hitExamples: RulesetCost['hitExamples'] = [];
  let hits = 0;
  const currentHits = baseline?.hits ?? 0;
  for (const text of samples) {
    const reasons = moderate(next, text).reasons;
    if (reasons.length === 0) continue;
    hits++;
    if (hitExamples.length < 5) hitExamples.push({ text, ruleIds: [...new Set(reasons.map((r) => r.ruleId))] });
  }
  const microsPerComment = timePerComment(next, samples);
  return { samples: samples.length, hits, currentHits, hitExamples, microsPerComment, currentMicrosPerComment: baseline?.microsPerComment ?? microsPerComment };
}

/**
 * Compiles the directory with the candidates in place (schema, regexes, examples) and
 * measures the result on the clean sample next to the current ruleset (compiled only
 * when `job.baseline` is not for the same sources). Pure CPU work: run in a worker thread;
 * `onPhase('measuring')` marks the end of the compile (each phase has its own time budget).
 */
export function runValidateJob(job: ValidateJob, onPhase: (phase: 'measuring') => void = () => undefined): ValidateJobResult {
  const byName = new Map(job.current.map((s) => [s.name, s.text]));
  for (const c of job.candidates) byName.set(c.name, c.text);
  const start = performance.now();
  let next: CompiledRuleset;
  try {
    next = compileRuleset([...byName].map(([name, text]) => ({ name, text })));
  } catch (err) {
    if (err instanceof RulesetError) return { ok: false, issues: err.issues };
    return { ok: false, issues: [{ file: job.candidates[0]?.name ?? '(rules)', message: (err as Error).message }] };
  }
  const compileMs = performance.now() - start;
  if (job.samples.length === 0) return { ok: true, version: next.version, ruleCount: next.ruleCount, compileMs };
  onPhase('measuring');
  const baseline = measureBaseline(job);
  return { ok: true, version: next.version, ruleCount: next.ruleCount, compileMs, cost: measureCost(next, baseline, job.samples), ...(baseline ? { baseline } : {}) };
}

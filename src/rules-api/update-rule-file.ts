import type { RuleProvider } from '../deps';
import { AppError } from '../errors';
import type { RulesetIssue } from '../moderation';
import type { Models } from '../store/models';
import { assertWritePreconditions, type WriteConditions } from './preconditions';
import { assertRuleFileName, etagOf, hashRuleContent, readRuleFile } from './rule-files';
import type { SerialQueue } from './serial-queue';
import { validateRules, type ValidateOptions } from './validate-rules';

/** What `updateRuleFile` needs: the rules directory, the live rules, the store, one edit queue. */
export interface UpdateRuleFileDeps {
  dir: string;
  rules: RuleProvider;
  models: Pick<Models, 'RuleVersion' | 'Audit'>;
  queue: SerialQueue;
  /** Limits, budget and cost gate of the validation (defaults when absent). */
  validation?: ValidateOptions;
}

/** One edit: the new content, the caller's preconditions and who makes it. */
export interface UpdateRuleFileInput {
  name: string;
  content: string;
  conditions: WriteConditions;
  actor: string;
  /** Accept a ruleset the cost gate refuses (admin only; audited with the numbers). */
  force?: boolean;
}

/** The outcome: the new version, and whether the file was created. */
export interface UpdateRuleFileResult {
  name: string;
  hash: string;
  etag: string;
  rulesetVersion: string;
  created: boolean;
}

function refused(message: string, issues: RulesetIssue[]): AppError {
  return new AppError('validation_failed', message, issues.map((i) => ({ ...i })));
}

/**
 * Replaces (or creates) one rule file, the only way the API changes rules:
 * check the preconditions → validate the candidate with the rest of the
 * directory in a worker thread (nothing is written when it fails) → record the
 * version → compile once on the main thread, write atomically and serve it
 * (the rule service's `applyEdit`; nothing is written if that compile refuses
 * the directory, e.g. after a concurrent hand edit) → audit.
 */
export async function updateRuleFile(deps: UpdateRuleFileDeps, input: UpdateRuleFileInput): Promise<UpdateRuleFileResult> {
  const name = assertRuleFileName(input.name);
  const applyEdit = deps.rules.applyEdit?.bind(deps.rules);
  if (!applyEdit) throw new AppError('conflict', 'Rule files are read-only on this instance (no live rule service).');
  return deps.queue.run(async () => {
    const previous = await readRuleFile(deps.dir, name);
    assertWritePreconditions(input.conditions, previous?.hash);
    const hash = hashRuleContent(input.content);
    if (previous?.hash === hash) return { name, hash, etag: etagOf(hash), rulesetVersion: deps.rules.current().version, created: false };

    const verdict = await validateRules(deps.dir, [{ name, content: input.content }], deps.validation);
    const forced = !verdict.ok && verdict.costRefused === true && input.force === true;
    if (!verdict.ok && !forced) {
      const hint = verdict.costRefused ? ' An admin may accept it anyway with ?force=true (audited).' : '';
      throw refused(`${name} was refused; nothing was written and the current rules keep serving.${hint}`, verdict.issues);
    }

    const version = await deps.models.RuleVersion.create({ name, hash, content: input.content, changedBy: input.actor });
    const applied = await applyEdit(name, input.content).catch((err: unknown) => ({ ok: false as const, thrown: err }));
    if (!applied.ok) {
      await deps.models.RuleVersion.deleteOne({ _id: version._id }).catch(() => undefined);
      if ('thrown' in applied) throw applied.thrown;
      throw refused(`${name} was refused with the rest of the directory as it is now; nothing was written.`, applied.error.issues);
    }
    const { ruleset } = applied;
    await deps.models.Audit.create({
      actor: input.actor,
      action: previous ? 'rules.update' : 'rules.create',
      target: `rules:${name}`,
      before: previous ? { hash: previous.hash } : undefined,
      after: { hash, rulesetVersion: ruleset.version, ...(forced ? { forced: true, cost: verdict.cost } : {}) },
      ...(forced ? { note: `forced past the cost gate: ${verdict.issues.map((i) => i.message).join(' | ')}` } : {}),
    });
    return { name, hash, etag: etagOf(hash), rulesetVersion: ruleset.version, created: !previous };
  });
}

import { watch, type FSWatcher } from 'node:fs';
import type { CompiledRuleset } from '../moderation/compiled';
import { RulesetError } from '../moderation/errors';
import { hashSources } from './compile';
import { isRuleFileName, readRuleSources } from './load';
import { compileServableRuleset } from './servable';
import { validateCandidateSources } from './validate-candidate';

/** Outcome of a reload: the new ruleset, or why it was refused (the old one keeps serving). */
export type ReloadResult = { ok: true; ruleset: CompiledRuleset } | { ok: false; error: RulesetError };

/** Options of a {@link RuleService}. */
export interface RuleServiceOptions {
  dir: string;
  onReloaded?: (ruleset: CompiledRuleset) => void;
  onRejected?: (error: RulesetError) => void;
  /** Quiet period before a change on disk triggers a reload (ms). */
  debounceMs?: number;
}

function asRulesetError(err: unknown, dir: string): RulesetError {
  if (err instanceof RulesetError) return err;
  return new RulesetError([{ file: dir, message: (err as Error).message }]);
}

/**
 * Serves the last good ruleset of a rules directory and reloads it live.
 * A new ruleset is compiled and validated completely before it replaces the old one in a
 * single assignment, so a request sees either the old or the new ruleset, never a mix.
 *
 * @example
 * const rules = new RuleService({ dir: 'rules', onRejected: (e) => log.warn(e.issues) });
 * await rules.start();
 * rules.watch();
 * moderate(rules.current(), text);
 */
export class RuleService {
  private ruleset: CompiledRuleset | null = null;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<ReloadResult> | null = null;
  private again = false;

  constructor(private readonly options: RuleServiceOptions) {}

  /** Initial load; throws `RulesetError` when the directory's rules are broken or there are none. */
  async start(): Promise<CompiledRuleset> {
    const ruleset = compileServableRuleset(await readRuleSources(this.options.dir), this.options.dir);
    this.ruleset = ruleset;
    return ruleset;
  }

  /** The last good ruleset. */
  current(): CompiledRuleset {
    if (this.ruleset === null) throw new Error('RuleService.start() has not completed');
    return this.ruleset;
  }

  /** Re-reads the directory; swaps in the new ruleset only when it is valid. Concurrent calls are coalesced. */
  async reload(): Promise<ReloadResult> {
    if (this.pending !== null) {
      this.again = true;
      return this.pending.then(() => this.reload());
    }
    this.pending = this.reloadOnce();
    try {
      return await this.pending;
    } finally {
      this.pending = null;
    }
  }

  private async reloadOnce(): Promise<ReloadResult> {
    this.again = false;
    let result: ReloadResult;
    let changed = false;
    try {
      const sources = await readRuleSources(this.options.dir);
      // an API edit reloads at once and the watcher then sees the same write: files that hash to
      // the version being served are that ruleset, not a reason to compile it again
      const same = this.ruleset !== null && this.ruleset.version === hashSources(sources);
      const ruleset = same ? (this.ruleset as CompiledRuleset) : compileServableRuleset(sources, this.options.dir);
      changed = this.ruleset?.version !== ruleset.version;
      this.ruleset = ruleset;
      result = { ok: true, ruleset };
    } catch (err) {
      result = { ok: false, error: asRulesetError(err, this.options.dir) };
    }
    // an API edit reloads at once and the watcher sees the same write again: announce a version once
    if (result.ok) {
      if (changed) this.options.onReloaded?.(result.ruleset);
    }
    else this.options.onRejected?.(result.error);
    return result;
  }

  /**
   * Checks a proposed new content of one file against the rest of the current ruleset
   * (for PUT /v1/rules/:name and POST /v1/rules/validate). `text === null` means deletion.
   * Returns the problems, or null when the candidate set compiles.
   */
  validateCandidate(name: string, text: string | null): RulesetError | null {
    return validateCandidateSources(this.current().sources, name, text);
  }

  /** Watches the directory and reloads after a quiet period. */
  watch(): void {
    if (this.watcher !== null) return;
    this.watcher = watch(this.options.dir, (_event, file) => {
      if (file !== null && !isRuleFileName(String(file))) return;
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.reload();
      }, this.options.debounceMs ?? 150);
    });
    this.watcher.on('error', () => undefined);
  }

  /** Stops watching. */
  close(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.watcher?.close();
    this.watcher = null;
  }
}

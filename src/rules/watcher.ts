import type { CompiledRuleset } from '../moderation/compiled';
import { RulesetError } from '../moderation/errors';
import { hashSources, type RuleFileSource } from './compile';
import { readRuleSources } from './load';
import { OwnWrites } from './own-writes';
import { compileServableRuleset } from './servable';
import { validateCandidateSources } from './validate-candidate';
import { watchRuleDir, type RuleDirWatch } from './watch-dir';
import { writeRuleFileAtomically } from './write-rule-file';

/** Outcome of a reload: the new ruleset, or why it was refused (the old one keeps serving). */
export type ReloadResult = { ok: true; ruleset: CompiledRuleset } | { ok: false; error: RulesetError };

/** Options of a {@link RuleService}. */
export interface RuleServiceOptions {
  dir: string;
  onReloaded?: (ruleset: CompiledRuleset) => void;
  onRejected?: (error: RulesetError) => void;
  /** Called for every compile of a whole ruleset on this thread (the `saring_rules_compiles_total` metric). */
  onCompile?: () => void;
  /** Quiet period before a change on disk triggers a reload (ms). */
  debounceMs?: number;
}

function asRulesetError(err: unknown, dir: string): RulesetError {
  if (err instanceof RulesetError) return err;
  return new RulesetError([{ file: dir, message: (err as Error).message }]);
}

/** `sources` with `name` holding `text`, in the loader's order (sorted by name). */
function withFile(sources: readonly RuleFileSource[], name: string, text: string): RuleFileSource[] {
  return [...sources.filter((s) => s.name !== name), { name, text }].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Serves the last good ruleset of a rules directory and reloads it live. It is the one place
 * rules are compiled on the main thread: at start, when an admin edits a file on disk (the
 * watcher), and once per API edit ({@link RuleService.applyEdit}, whose own write the watcher
 * then ignores). A new ruleset replaces the old one in a single assignment, so a request sees
 * either the old or the new ruleset, never a mix.
 *
 * @example
 * const rules = new RuleService({ dir: 'rules', onRejected: (e) => log.warn(e.issues) });
 * await rules.start();
 * rules.watch();
 * moderate(rules.current(), text);
 */
export class RuleService {
  private ruleset: CompiledRuleset | null = null;
  private watcher: RuleDirWatch | null = null;
  private pending: Promise<ReloadResult> | null = null;
  /** Reloads and edits run one at a time, so an edit never interleaves with a reload. */
  private tail: Promise<unknown> = Promise.resolve();
  private readonly ownWrites: OwnWrites;

  constructor(private readonly options: RuleServiceOptions) {
    this.ownWrites = new OwnWrites(options.dir);
  }

  /** Initial load; throws `RulesetError` when the directory's rules are broken or there are none. */
  async start(): Promise<CompiledRuleset> {
    const ruleset = this.compile(await readRuleSources(this.options.dir));
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
    if (this.pending !== null) return this.pending.then(() => this.reload());
    this.pending = this.exclusive(() => this.reloadOnce());
    try {
      return await this.pending;
    } finally {
      this.pending = null;
    }
  }

  /**
   * Serves `content` as rule file `name`: compiles the directory with it once (on this thread),
   * writes the file atomically only when that compile succeeds, and swaps the result in. The
   * watcher then ignores this write. A refused compile writes nothing and is returned, not thrown.
   * Validation (examples, limits, cost) is the caller's, before: see rules-api/validate-rules.ts.
   */
  async applyEdit(name: string, content: string): Promise<ReloadResult> {
    return this.exclusive(async () => {
      const sources = withFile(await readRuleSources(this.options.dir), name, content);
      let ruleset: CompiledRuleset;
      try {
        ruleset = this.compile(sources);
      } catch (err) {
        return { ok: false, error: asRulesetError(err, this.options.dir) };
      }
      this.ownWrites.record(name, content);
      try {
        await writeRuleFileAtomically(this.options.dir, name, content);
      } catch (err) {
        this.ownWrites.forget(name);
        throw err;
      }
      this.swapIn(ruleset);
      return { ok: true, ruleset };
    });
  }

  private compile(sources: readonly RuleFileSource[]): CompiledRuleset {
    this.options.onCompile?.();
    return compileServableRuleset(sources, this.options.dir);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Serves `ruleset`; announces it when its version is new. */
  private swapIn(ruleset: CompiledRuleset): void {
    const changed = this.ruleset?.version !== ruleset.version;
    this.ruleset = ruleset;
    if (changed) this.options.onReloaded?.(ruleset);
  }

  private async reloadOnce(): Promise<ReloadResult> {
    try {
      const sources = await readRuleSources(this.options.dir);
      // files that hash to the version being served are that ruleset, not a reason to compile it again
      const same = this.ruleset !== null && this.ruleset.version === hashSources(sources);
      const ruleset = same ? (this.ruleset as CompiledRuleset) : this.compile(sources);
      this.swapIn(ruleset);
      return { ok: true, ruleset };
    } catch (err) {
      const error = asRulesetError(err, this.options.dir);
      this.options.onRejected?.(error);
      return { ok: false, error };
    }
  }

  /**
   * Checks a proposed new content of one file against the rest of the current ruleset
   * (for PUT /v1/rules/:name and POST /v1/rules/validate). `text === null` means deletion.
   * Returns the problems, or null when the candidate set compiles.
   */
  validateCandidate(name: string, text: string | null): RulesetError | null {
    return validateCandidateSources(this.current().sources, name, text);
  }

  /**
   * Watches the directory and reloads after a quiet period, unless every file that changed
   * holds what this service wrote itself (an API edit, already serving).
   */
  watch(): void {
    if (this.watcher !== null) return;
    this.watcher = watchRuleDir(this.options.dir, {
      debounceMs: this.options.debounceMs ?? 150,
      onChange: async (names) => {
        if (names !== null && (await this.ownWrites.holdAll(names))) return;
        await this.reload();
      },
    });
  }

  /** Stops watching. */
  close(): void {
    this.watcher?.close();
    this.watcher = null;
  }
}

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledRuleset } from '../moderation/compiled';
import type { RuleFileSource } from './compile';
import type { ExamplesCache } from './examples-cache';
import { isMisnamedRuleFile, isRuleFileName } from './names';
import { compileServableRuleset } from './servable';

export { isRuleFileName };

/** YAML files in a rules directory that are not named like rule files: not loaded (say so). */
export async function misnamedRuleFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter(isMisnamedRuleFile).sort();
}

/** Reads every `*.yaml` / `*.yml` file of a directory, sorted by name. */
export async function readRuleSources(dir: string): Promise<RuleFileSource[]> {
  const names = (await readdir(dir)).filter(isRuleFileName).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(path.join(dir, name), 'utf8') })));
}

/**
 * Loads and compiles a rules directory. Throws `RulesetError` (file, line, rule id)
 * when any file is broken, or when the directory holds no rules at all. With an examples cache,
 * rules that already passed their examples with this engine do not run them again, and their
 * YAML and pattern gates are read from the cache instead of being worked out again.
 */
export async function loadRulesetFromDir(dir: string, options: { examples?: ExamplesCache } = {}): Promise<CompiledRuleset> {
  const sources = await readRuleSources(dir);
  const cache = options.examples;
  if (cache === undefined) return compileServableRuleset(sources, dir);
  if (cache.passed(sources)) {
    const recorded = cache.compiled(sources);
    try {
      const ruleset = compileServableRuleset(sources, dir, { runExamples: false, ...recorded });
      // a marker that could not be read (older, damaged) is written again for the next load
      if (recorded.parsed === undefined) cache.record(sources, ruleset);
      return ruleset;
    } catch {
      // the recorded data refused: compiled from the YAML below, examples run, recorded again
    }
  }
  const ruleset = compileServableRuleset(sources, dir);
  cache.record(sources, ruleset);
  return ruleset;
}

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledRuleset } from '../moderation/compiled';
import type { RuleFileSource } from './compile';
import { compileServableRuleset } from './servable';

/** True for the files a rules directory is made of. */
export function isRuleFileName(name: string): boolean {
  return /\.ya?ml$/.test(name) && !name.startsWith('.');
}

/** Reads every `*.yaml` / `*.yml` file of a directory, sorted by name. */
export async function readRuleSources(dir: string): Promise<RuleFileSource[]> {
  const names = (await readdir(dir)).filter(isRuleFileName).sort();
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(path.join(dir, name), 'utf8') })));
}

/**
 * Loads and compiles a rules directory. Throws `RulesetError` (file, line, rule id)
 * when any file is broken, or when the directory holds no rules at all.
 */
export async function loadRulesetFromDir(dir: string): Promise<CompiledRuleset> {
  return compileServableRuleset(await readRuleSources(dir), dir);
}

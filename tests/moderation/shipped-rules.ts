import path from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { compileRuleset, type CompiledRuleset } from '../../src/moderation';

/** Repository root and the shipped rules directory. */
export const REPO_ROOT = path.resolve(__dirname, '../..');
export const RULES_DIR = path.join(REPO_ROOT, 'rules');
/** `../shared` next to the repo, or SARING_SHARED_DIR. */
export const SHARED_DIR = process.env.SARING_SHARED_DIR ?? path.resolve(REPO_ROOT, '../shared');

let cached: CompiledRuleset | null = null;

/** The shipped ruleset, compiled once per test file. */
export function shippedRuleset(): CompiledRuleset {
  if (cached === null) {
    const names = readdirSync(RULES_DIR).filter((n) => n.endsWith('.yaml')).sort();
    cached = compileRuleset(names.map((name) => ({ name, text: readFileSync(path.join(RULES_DIR, name), 'utf8') })));
  }
  return cached;
}

/** Reads a JSON-lines file of the shared test material. */
export function readJsonl<T>(name: string): T[] {
  return readFileSync(path.join(SHARED_DIR, 'data', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

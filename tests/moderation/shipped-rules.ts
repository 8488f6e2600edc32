import path from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { type CompiledRuleset } from '../../src/moderation';
import { compileRuleset } from '../../src/rules/compile';

/** Repository root and the shipped rules directory. */
export const REPO_ROOT = path.resolve(__dirname, '../..');
export const RULES_DIR = path.join(REPO_ROOT, 'rules');
/** The project's own test data (tests/fixtures), so a bare clone runs its tests. */
export const FIXTURES_DIR = path.join(REPO_ROOT, 'tests', 'fixtures');

let cached: CompiledRuleset | null = null;

/** The shipped ruleset, compiled once per test file. */
export function shippedRuleset(): CompiledRuleset {
  if (cached === null) {
    const names = readdirSync(RULES_DIR).filter((n) => n.endsWith('.yaml')).sort();
    cached = compileRuleset(names.map((name) => ({ name, text: readFileSync(path.join(RULES_DIR, name), 'utf8') })));
  }
  return cached;
}

/** Reads a JSON-lines file of tests/fixtures. */
export function readJsonl<T>(name: string): T[] {
  return readFileSync(path.join(FIXTURES_DIR, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

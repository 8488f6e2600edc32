import { moderate } from '../../../src/moderation';
import { ExamplesCache } from '../../../src/rules/examples-cache';
import { loadRulesetFromDir } from '../../../src/rules/load';

/** Loads a rules folder through an examples cache, then says which parsing libraries got loaded. */
async function main(): Promise<void> {
  const [rulesDir, cacheDir] = process.argv.slice(-2) as [string, string];
  const ruleset = await loadRulesetFromDir(rulesDir, { examples: new ExamplesCache(cacheDir) });
  const loaded = Object.keys(require.cache);
  const library = (name: string) => loaded.some((file) => file.includes(`/node_modules/${name}/`));
  const reasons = moderate(ruleset, 'Dasar anjing lu').reasons.map((r) => r.category);
  process.stdout.write(`${JSON.stringify({ zod: library('zod'), yaml: library('yaml'), reasons })}\n`);
}

void main();

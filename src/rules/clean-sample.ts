import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the clean sample lives inside a rules directory: a sub-directory, so the
 * rule loader (which reads only `*.yaml` files of the directory itself) never sees it.
 */
export const CLEAN_SAMPLE_PATH = path.join('_samples', 'clean.txt');

/**
 * The ordinary clean comments a new ruleset is measured on (one a line; `#` lines and
 * blank lines skipped). Empty when the file is missing: the cost gate then has nothing to measure.
 */
export async function readCleanSample(rulesDir: string): Promise<string[]> {
  try {
    const text = await readFile(path.join(rulesDir, CLEAN_SAMPLE_PATH), 'utf8');
    return text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith('#'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** One labelled dev file's texts. */
export interface DevSet {
  name: string;
  file: string;
  texts: string[];
}

/** The labelled comments beside the repository (../shared/data/dev), or null when the folder is absent. */
export function readDevSets(repo: string): DevSet[] | null {
  const dir = process.env.SARING_DEV_DIR ?? path.resolve(repo, '..', 'shared', 'data', 'dev');
  if (!existsSync(dir)) return null;
  const sets: DevSet[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const file = path.join(dir, name);
    const texts: string[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row = JSON.parse(line) as { text?: unknown };
      if (typeof row.text === 'string') texts.push(row.text);
    }
    sets.push({ name: name.replace(/\.jsonl$/, ''), file, texts });
  }
  return sets.length > 0 ? sets : null;
}

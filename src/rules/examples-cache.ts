import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashSources, type RuleFileSource } from './compile';

let fingerprint: string | null = null;

/** A hash of the engine's own code (the compiled moderation and rules modules), read once. */
function engineFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(js|ts)$/.test(name)) h.update(`${name}\0`).update(readFileSync(file));
    }
  };
  for (const dir of ['moderation', 'rules']) walk(path.resolve(__dirname, '..', dir));
  fingerprint = h.digest('hex');
  return fingerprint;
}

/** The package root (where package.json is), whether running from src/ or dist/src/. */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * Remembers which rule sources passed their examples with this build of the engine, so that a
 * command run again on unchanged rules (`saring check`, `saring eval`) skips running them: a
 * marker file per (engine code, sources) under the package's `.cache/examples/`. Any change to a
 * rule file or to the engine's code gives a new key, and the examples run again.
 */
export class ExamplesCache {
  constructor(private readonly dir = path.join(packageRoot(), '.cache', 'examples')) {}

  private marker(sources: readonly RuleFileSource[]): string {
    // the ruleset's own version (a hash of every file) beside a hash of the engine's code
    const h = createHash('sha256').update(engineFingerprint()).update(hashSources(sources));
    return path.join(this.dir, h.digest('hex').slice(0, 32));
  }

  /** True when these exact sources passed their examples with this engine before. */
  passed(sources: readonly RuleFileSource[]): boolean {
    return existsSync(this.marker(sources));
  }

  /** Records that they passed (a cache that cannot be written is simply not used). */
  record(sources: readonly RuleFileSource[]): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(this.marker(sources), '');
    } catch {
      // read-only install: the examples run every time, as without a cache
    }
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { RULE_FILE_NAME, isRuleFileName } from '../rules/names';

/**
 * The rule files on disk: safe names, content hashes (strong ETags), and an
 * atomic write (temp file in the same directory, then `rename`).
 */

export { isRuleFileName };
/** Only flat, lower-case YAML names: no separators, no dots but the extension. */
export const ruleFileNamePattern = RULE_FILE_NAME;

/** Refuses a name that is not a plain rule file name (path traversal, absolute paths, odd extensions). */
export function assertRuleFileName(name: string, field = 'name'): string {
  if (!isRuleFileName(name)) {
    throw new AppError('bad_request', 'A rule file name is lower-case letters, digits, "_" or "-", ending in .yaml or .yml.', [{ path: field, message: 'invalid rule file name' }]);
  }
  return name;
}

/** SHA-256 of the file content, hex: the version id stored in `rule_versions`. */
export function hashRuleContent(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/** The strong ETag for a content hash. */
export function etagOf(hash: string): string {
  return `"${hash}"`;
}

/** A rule file read from disk. */
export interface RuleFile {
  name: string;
  content: string;
  hash: string;
}

/** Reads one rule file, or undefined when it does not exist. */
export async function readRuleFile(dir: string, name: string): Promise<RuleFile | undefined> {
  assertRuleFileName(name);
  try {
    const content = await fs.readFile(path.join(dir, name), 'utf8');
    return { name, content, hash: hashRuleContent(content) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Every rule file of the directory (sorted by name). */
export async function readRuleFiles(dir: string): Promise<RuleFile[]> {
  const names = (await fs.readdir(dir)).filter(isRuleFileName).sort();
  const files = await Promise.all(names.map((name) => readRuleFile(dir, name)));
  return files.filter((f): f is RuleFile => f !== undefined);
}

/**
 * Writes a rule file atomically: a hidden temp file in the same directory
 * (same file system, ignored by the loader for its extension) renamed over
 * the target, so a reader or the watcher never sees half a file.
 */
export async function writeRuleFileAtomically(dir: string, name: string, content: string): Promise<void> {
  assertRuleFileName(name);
  const target = path.join(dir, name);
  const temp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
}

/** Restores a file to earlier content, or removes it when it did not exist before. */
export async function restoreRuleFile(dir: string, name: string, previous: RuleFile | undefined): Promise<void> {
  if (previous) await writeRuleFileAtomically(dir, name, previous.content);
  else await fs.rm(path.join(dir, assertRuleFileName(name)), { force: true });
}

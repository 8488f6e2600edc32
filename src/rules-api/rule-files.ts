import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { RULE_FILE_NAME, isRuleFileName } from '../rules/names';
import { writeRuleFileAtomically as writeAtomically } from '../rules/write-rule-file';

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

/** Writes a rule file atomically (temp file, then rename); the name is checked first. */
export async function writeRuleFileAtomically(dir: string, name: string, content: string): Promise<void> {
  await writeAtomically(dir, assertRuleFileName(name), content);
}

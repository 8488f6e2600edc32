import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isRuleFileName } from './names';

/**
 * Writes a rule file atomically: a hidden temp file in the same directory
 * (same file system, ignored by the loader for its name) renamed over the
 * target, so a reader or the watcher never sees half a file.
 */
export async function writeRuleFileAtomically(dir: string, name: string, content: string): Promise<void> {
  if (!isRuleFileName(name)) throw new Error(`not a rule file name: ${name}`);
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

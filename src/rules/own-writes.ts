import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

function hashOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * What a rule service last wrote to each file of its directory, so its watcher can tell the
 * service's own writes (already compiled and serving) from an admin's edit on disk.
 */
export class OwnWrites {
  private readonly written = new Map<string, string>();

  constructor(private readonly dir: string) {}

  /** Remembers that `name` is being written with `text`. */
  record(name: string, text: string): void {
    this.written.set(name, hashOf(text));
  }

  /** Forgets a write that did not happen. */
  forget(name: string): void {
    this.written.delete(name);
  }

  /**
   * True when every file of `names` holds what the service wrote to it. A file that holds
   * anything else (an edit by hand since, or a deletion) is forgotten and makes this false.
   */
  async holdAll(names: readonly string[]): Promise<boolean> {
    let all = names.length > 0;
    for (const name of names) {
      const expected = this.written.get(name);
      const actual = expected === undefined ? undefined : await readFile(path.join(this.dir, name), 'utf8').then(hashOf, () => undefined);
      if (expected !== undefined && actual === expected) continue;
      this.written.delete(name);
      all = false;
    }
    return all;
  }
}

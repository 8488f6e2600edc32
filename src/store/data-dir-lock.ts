import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** The lock file an embedded store keeps in its data directory while it runs. */
export const LOCK_FILE = 'saring.lock';

/** Thrown when another live process holds the data directory. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`the data directory ${dir} is in use by another embedded store (pid ${pid})`);
  }
}

export interface DataDirLock {
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes `DIR/saring.lock` (O_EXCL, holding this process's pid). A lock left by a
 * process that is gone (a crash, kill -9) is taken over; one held by a live
 * process throws DataDirInUseError, so two embedded stores never share one
 * SQLite folder.
 */
export function lockDataDir(dir: string): DataDirLock {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = holder(file);
      if (pid !== undefined && (pid === process.pid || isAlive(pid))) throw new DataDirInUseError(path.resolve(dir), pid);
      if (attempt > 0) throw new DataDirInUseError(path.resolve(dir), pid ?? 0);
      unlinkSync(file); // stale: its process is gone
    }
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      try {
        if (holder(file) === process.pid) unlinkSync(file);
      } catch {
        // already gone
      }
    },
  };
}

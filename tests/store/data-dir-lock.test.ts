import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataDirInUseError, LOCK_FILE, lockDataDir } from '../../src/store/data-dir-lock';
import { startEmbeddedStore } from '../../src/store/embedded-store';

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('one embedded store per data directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'saring-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when an embedded store runs on a folder, then a second one on it is refused naming the folder and the pid, and after stop the folder is free again', async () => {
    const first = await startEmbeddedStore({ dir });
    try {
      expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
      await expect(startEmbeddedStore({ dir })).rejects.toThrow(DataDirInUseError);
      await expect(startEmbeddedStore({ dir })).rejects.toThrow(`the data directory ${dir} is in use by another embedded store (pid ${process.pid})`);
    } finally {
      await first.stop();
    }
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const again = await startEmbeddedStore({ dir });
    await again.stop();
  });

  it('when the store process dies on its own, then the lock goes with it', async () => {
    const store = await startEmbeddedStore({ dir });
    store.process.kill('SIGKILL');
    await store.stop();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('when the lock was left by a process that is gone (kill -9, a crash), then it is taken over', () => {
    writeFileSync(path.join(dir, LOCK_FILE), `${deadPid()}\n`);
    const lock = lockDataDir(dir);
    expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('when the lock file is empty or garbage, then it is taken over', () => {
    writeFileSync(path.join(dir, LOCK_FILE), 'nonsense');
    lockDataDir(dir).release();
  });

  it('when a live process holds the lock, then it is refused with that pid', () => {
    writeFileSync(path.join(dir, LOCK_FILE), `${process.ppid}\n`);
    expect(() => lockDataDir(dir)).toThrow(new DataDirInUseError(dir, process.ppid).message);
  });
});

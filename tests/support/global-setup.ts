import { appendFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded-store';

/** The shared test store's own log, kept for a run that lost it (git-ignored). */
const STORE_LOG = path.resolve(__dirname, '../../.cache/test-store.log');

/** What global teardown stops: the current store process, and that the run is over. */
export interface TestStoreHandle {
  current: EmbeddedStore;
  stopping: boolean;
}

/**
 * Keeps the shared test store up for the whole run: if its process exits before
 * teardown, it is logged (exit code, signal, its last lines in .cache/test-store.log)
 * and started again on the same port and data dir, so one lost store process fails
 * the requests in flight, not every test file after it. Two fresh-clone CI runs
 * (2026-12-02) lost the store mid-run without a trace; the log is there for the next one.
 */
async function superviseStore(dir: string): Promise<TestStoreHandle> {
  mkdirSync(path.dirname(STORE_LOG), { recursive: true });
  const log = (line: string) => appendFileSync(STORE_LOG, `${line}\n`);
  log(`== ${new Date().toISOString()} test store started in ${dir}`);
  const first = await startEmbeddedStore({ dir, onLog: log });
  const port = Number(new URL(first.url).port);
  const handle: TestStoreHandle = { current: first, stopping: false };
  let restarts = 0;
  const watch = (store: EmbeddedStore) =>
    store.process.once('exit', (code, signal) => {
      if (handle.stopping) return;
      log(`== ${new Date().toISOString()} test store exited (code ${code}, signal ${signal}): restarting on port ${port}`);
      process.stderr.write(`test store exited (code ${code}, signal ${signal}); restarting it (see .cache/test-store.log)\n`);
      const started = (next: EmbeddedStore) => {
        handle.current = next;
        watch(next);
      };
      // a store that died mid-write can leave a database it cannot open again: then start empty
      // in a new folder inside this one (teardown removes both), on the same port
      const fresh = path.join(dir, `restart-${++restarts}`);
      void startEmbeddedStore({ dir, port, onLog: log })
        .catch((err: unknown) => {
          log(`== restart on the same data failed (${String(err)}): starting empty in ${fresh}`);
          return startEmbeddedStore({ dir: fresh, port, onLog: log });
        })
        .then(started, (err: unknown) => log(`== restart failed: ${String(err)}`));
    });
  watch(first);
  return handle;
}

/**
 * Jest global setup: uses MONGO_URL when set, else builds (once) and starts
 * the embedded FerretDB store on a free port with a temporary data dir.
 * Each test file gets its own database (see tests/support/db.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGO_URL) {
    process.env.SARING_TEST_MONGO_URL = process.env.MONGO_URL;
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'saring-testdb-'));
  const handle = await superviseStore(dir);
  process.env.SARING_TEST_MONGO_URL = handle.current.url;
  process.env.SARING_TEST_STORE_DIR = dir;
  (globalThis as { __SARING_STORE__?: TestStoreHandle }).__SARING_STORE__ = handle;
}

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedStore } from '../../src/store/embedded-store';

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
  const store = await startEmbeddedStore({ dir });
  process.env.SARING_TEST_MONGO_URL = store.url;
  process.env.SARING_TEST_STORE_DIR = dir;
  (globalThis as { __SARING_STORE__?: typeof store }).__SARING_STORE__ = store;
}

import { rmSync } from 'node:fs';
import type { TestStoreHandle } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const handle = (globalThis as { __SARING_STORE__?: TestStoreHandle }).__SARING_STORE__;
  if (handle) {
    handle.stopping = true;
    await handle.current.stop();
  }
  const dir = process.env.SARING_TEST_STORE_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}

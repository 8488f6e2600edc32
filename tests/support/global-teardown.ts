import { rmSync } from 'node:fs';
import type { EmbeddedStore } from '../../src/store/embedded-store';

export default async function globalTeardown(): Promise<void> {
  const store = (globalThis as { __SARING_STORE__?: EmbeddedStore }).__SARING_STORE__;
  if (store) await store.stop();
  const dir = process.env.SARING_TEST_STORE_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}

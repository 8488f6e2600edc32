import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded-store';
import { createSite } from '../support/app';
import { startLiveInstance, type LiveInstance } from '../support/live';
import { startReceiver } from '../support/webhook-receiver';
import { acknowledged, settledSideEffects } from './support/side-effects-check';
import { startSubmissionLoad, until } from './support/submission-load';

/**
 * The store (its own process) is killed in the middle of 30 s of submissions
 * from 20 clients, and started again on the same port and data directory.
 * Regression: 20 acknowledged comments lost their `comment.created` event and
 * 22 their webhook (they hung off the live stream after the answer was sent).
 */
describe('when the store is killed and restarted under load, the side effects of acknowledged comments', () => {
  let dir: string;
  let store: EmbeddedStore;
  let a: LiveInstance;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let token: string;
  let secret: string | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'saring-outage-effects-'));
    store = await startEmbeddedStore({ dir });
    a = await startLiveInstance({
      label: 'outagefx',
      mongoUrl: store.url,
      env: { SARING_RATE_TOKEN_PER_SEC: '0', SARING_RATE_AUTHOR_PER_MIN: '0' },
      jobs: { effectRelay: { pollMs: 500, graceMs: 2000 }, webhookWorker: { pollMs: 200, timeoutMs: 2000, backoffBaseMs: 200, backoffMaxMs: 2000 } },
    });
    receiver = await startReceiver(() => secret);
    const created = await createSite(a.app, 'outage-fx', { webhookUrl: receiver.url });
    token = created.token;
    secret = created.webhookSecret;
  });
  afterAll(async () => {
    await receiver?.close();
    await a?.close().catch(() => undefined);
    await store?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const crash = async (s: EmbeddedStore) => {
    const exited = new Promise((resolve) => s.process.once('exit', resolve));
    s.process.kill('SIGKILL');
    await exited;
  };

  it('are never lost: every acknowledged comment is stored once with its comment.created event (once) and its webhook, and no request got a 500', async () => {
    const port = Number(new URL(store.url).port);
    const load = startSubmissionLoad({ url: a.url, token, clients: 20, total: 1_000_000, paceMs: 150, retry: { delayMs: 100, maxAttempts: 400 }, hangMs: 10_000 });
    const stopAt = setTimeout(() => load.stop(), 30_000);
    try {
      await until(() => load.stats.count(201) >= 100, '100 acknowledged comments before the outage');
      await crash(store);
      await until(() => load.stats.count(503) >= 40, '40 answers of 503 during the outage');
      store = await startEmbeddedStore({ dir, port });
      const stats = await load.done;

      expect(stats.hangs).toBe(0);
      expect([...stats.byStatus.keys()].filter((s) => ![200, 201, 503].includes(s))).toEqual([]);
      const acked = acknowledged(stats);
      expect(acked.length).toBeGreaterThan(100);
      const report = await settledSideEffects(a.store.models, 'outage-fx', acked, receiver.received, 240_000);
      expect(report).toMatchObject({ duplicateComments: [], missingComments: [], missingEvents: [], duplicateEvents: [], missingWebhooks: [] });
    } finally {
      clearTimeout(stopAt);
      load.stop();
    }
  }, 420_000);
});

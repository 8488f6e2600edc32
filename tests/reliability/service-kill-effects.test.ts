import { randomBytes } from 'node:crypto';
import { connectStore, type Store } from '../../src/store/connect';
import { ADMIN_TOKEN, RULES_DIR } from '../support/app';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded-store';
import { startReceiver } from '../support/webhook-receiver';
import { acknowledged, settledSideEffects } from './support/side-effects-check';
import { buildServer, freePort, spawnServer, type SpawnedServer } from './support/spawned-server';
import { startSubmissionLoad, until } from './support/submission-load';

/**
 * A real `node server.js` is killed with SIGKILL under load and started again
 * on the same port and store, with its own effect relay and webhook worker.
 * Regression: killing the service lost 19 `comment.created` events and 4
 * webhooks of acknowledged comments, and a retried submission republished nothing.
 */
describe('when the service process is killed with SIGKILL under load and started again', () => {
  let entry: string;
  let server: SpawnedServer | undefined;
  let store: Store;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let secret: string | undefined;
  let env: Record<string, string>;
  let storeDir: string;
  let embedded: EmbeddedStore | undefined;

  beforeAll(async () => {
    entry = buildServer('effects-kill-build');
    const dbName = `saring_kill_${randomBytes(4).toString('hex')}`;
    // a store of its own: the process killed under load holds many connections, and a store that
    // failed on that would otherwise take every later test file of the run down with it
    storeDir = mkdtempSync(path.join(os.tmpdir(), 'saring-kill-store-'));
    embedded = await startEmbeddedStore({ dir: storeDir });
    const url = new URL(embedded.url);
    url.pathname = `/${dbName}`;
    env = {
      PORT: String(await freePort()),
      MONGO_URL: url.toString(),
      SARING_ADMIN_TOKEN: ADMIN_TOKEN,
      SARING_RULES_DIR: RULES_DIR,
      SARING_WATCH_RULES: 'false',
      SARING_RATE_TOKEN_PER_SEC: '0',
      SARING_RATE_AUTHOR_PER_MIN: '0',
    };
    store = await connectStore(embedded.url, { dbName });
    receiver = await startReceiver(() => secret);
  }, 300_000);
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await receiver?.close();
    await store?.close();
    await embedded?.stop();
    if (storeDir) rmSync(storeDir, { recursive: true, force: true });
  });

  it('then every acknowledged comment is stored once with its comment.created event (once) and its webhook, and no request got a 500', async () => {
    server = await spawnServer(entry, env);
    const res = await fetch(`${server.url}/v1/sites`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'kill-fx', name: 'Kill', webhookUrl: receiver.url }),
    });
    expect(res.status).toBe(201);
    const site = (await res.json()) as { token: string; webhookSecret: string };
    secret = site.webhookSecret;

    const base = server.url;
    const load = startSubmissionLoad({ url: base, token: site.token, clients: 20, total: 1_000_000, paceMs: 150, retry: { delayMs: 100, maxAttempts: 600 }, hangMs: 10_000 });
    const stopAt = setTimeout(() => load.stop(), 30_000);
    try {
      await until(() => load.stats.count(201) >= 100, '100 acknowledged comments before the kill', 60_000);
      server.child.kill('SIGKILL');
      expect((await server.exited).signal).toBe('SIGKILL');
      await until(() => load.stats.networkErrors >= 20, 'clients seeing the service gone');
      server = await spawnServer(entry, env);
      expect(server.url).toBe(base);
      const stats = await load.done;

      expect(stats.hangs).toBe(0);
      expect([...stats.byStatus.keys()].filter((s) => ![0, 200, 201, 503].includes(s))).toEqual([]);
      const acked = acknowledged(stats);
      expect(stats.count(201)).toBeGreaterThan(100);
      const report = await settledSideEffects(store.models, 'kill-fx', acked, receiver.received, 240_000);
      expect(report).toMatchObject({ duplicateComments: [], missingComments: [], missingEvents: [], duplicateEvents: [], missingWebhooks: [] });
      expect(report.stored).toBe(new Set(acked).size);
    } finally {
      clearTimeout(stopAt);
      load.stop();
    }
  }, 480_000);
});

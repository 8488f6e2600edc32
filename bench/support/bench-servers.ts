/**
 * The servers of the HTTP benchmark, in a child process of their own so the
 * load generator (the parent) does not share an event loop with them:
 * the whole service (`startServer`, real embedded store, live stream,
 * logs at info to /dev/null), and two bare Express apps on the same store —
 * one that parses the same JSON and inserts the same document with the same
 * driver, one that only parses.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startServer } from '../../src/server';
import { connectStore } from '../../src/store/connect';
import { startEmbeddedStore } from '../../src/store/embedded-store';
import { commentIdFor } from '../../src/comments/comment-id';

/** What the parent gets once everything listens. */
export interface BenchServers {
  service: string;
  bareInsert: string;
  bareParse: string;
  siteToken: string;
  moderatorToken: string;
}

const ADMIN = 'bench-admin-token-0123456789abcdef';

async function listen(app: express.Express): Promise<string> {
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The same document `submitComment` inserts, with a fixed decision (the bare route does no moderation). */
function bareDocument(body: Record<string, unknown>) {
  const now = new Date();
  const decision = { action: 'approve', reasons: [], rulesetVersion: 'bare', decidedBy: 'saring', decidedAt: now };
  return { _id: commentIdFor('bench-bare', String(body.externalId)), siteId: 'bench-bare', ...body, status: 'approved', autoDecision: decision, decision, maskedText: body.text, createdAt: now, updatedAt: now, revision: 0 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'saring-bench-http-'));
  const store = await startEmbeddedStore({ dir });
  const mongoUrl = `${store.url.replace(/\/$/, '')}/saring_bench`;
  const config = loadConfig({
    ...process.env,
    MONGO_URL: mongoUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    SARING_ADMIN_TOKEN: ADMIN,
    LOG_LEVEL: 'info',
    SARING_WATCH_RULES: 'false',
    // one site token drives the whole load: the limiter still runs on every request, with room for the load
    SARING_RATE_TOKEN_PER_SEC: process.env.SARING_RATE_TOKEN_PER_SEC ?? '1000000',
    SARING_RATE_TOKEN_BURST: process.env.SARING_RATE_TOKEN_BURST ?? '1000000',
  });
  const running = await startServer(config, createLogger('info', pino.destination({ dest: '/dev/null', sync: false })));
  const admin = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
  const site = (await (await fetch(`${running.url}/v1/sites`, { method: 'POST', headers: admin, body: JSON.stringify({ id: 'bench-site', name: 'Bench' }) })).json()) as { token: string };
  const mod = (await (await fetch(`${running.url}/v1/principals`, { method: 'POST', headers: admin, body: JSON.stringify({ role: 'moderator', siteIds: ['bench-site'] }) })).json()) as { token: string };

  const bare = await connectStore(mongoUrl, { dbName: 'saring_bench_bare' });
  const insertApp = express();
  insertApp.post('/v1/comments', express.json({ limit: '64kb' }), async (req, res) => {
    const doc = bareDocument(req.body as Record<string, unknown>);
    await bare.models.Comment.collection.insertOne(doc as never);
    res.status(201).json({ id: doc._id, status: doc.status });
  });
  const parseApp = express();
  parseApp.post('/v1/moderate', express.json({ limit: '64kb' }), (req, res) => {
    res.json({ text: (req.body as { text?: string }).text?.length ?? 0 });
  });

  const urls: BenchServers = { service: running.url, bareInsert: await listen(insertApp), bareParse: await listen(parseApp), siteToken: site.token, moderatorToken: mod.token };
  process.send?.(urls);
  process.on('message', (msg) => {
    // the soak samples the servers' memory
    if (msg === 'memory') return void process.send?.({ ...process.memoryUsage() });
    if (msg !== 'stop') return;
    void running
      .shutdown()
      .then(() => bare.close())
      .then(() => store.stop())
      .finally(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      });
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench servers failed: ${String(err)}\n`);
  process.exit(1);
});

/**
 * Webhook benchmark: `npm run build && npm run bench:webhooks`.
 * A real service (`startServer`, embedded store, effect relay, webhook worker with
 * its defaults) and a real local receiver; a burst of N final comments (300 by
 * default) from 20 clients; reports the time from the first submission to the
 * last delivery, and deliveries per second. Writes bench/RESULTS-webhooks.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startServer } from '../src/server';
import { startEmbeddedStore } from '../src/store/embedded-store';

const REPO = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const ADMIN = 'bench-admin-token-0123456789abcdef';
const BURST = Number(process.env.BENCH_BURST ?? 300);
const CLIENTS = 20;

/** A receiver that answers 200 and notes when each comment's first delivery arrived. */
async function startReceiver(): Promise<{ url: string; firstAt: Map<string, number>; close(): Promise<void> }> {
  const firstAt = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { comment?: { id?: string } }).comment?.id);
      if (!firstAt.has(id)) firstAt.set(id, performance.now());
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    firstAt,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function post(url: string, token: string, body: unknown): Promise<number> {
  const res = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  return res.status;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'saring-bench-hooks-'));
  const store = await startEmbeddedStore({ dir });
  const receiver = await startReceiver();
  const config = loadConfig({
    MONGO_URL: `${store.url.replace(/\/$/, '')}/saring_bench_hooks`,
    PORT: '0',
    HOST: '127.0.0.1',
    SARING_ADMIN_TOKEN: ADMIN,
    SARING_RULES_DIR: path.join(REPO, 'rules'),
    SARING_WATCH_RULES: 'false',
    SARING_RATE_TOKEN_PER_SEC: '0',
    SARING_RATE_AUTHOR_PER_MIN: '0',
  });
  const running = await startServer(config, createLogger('silent'));
  const load = os.loadavg()[0] ?? 0;
  try {
    const siteRes = await fetch(`${running.url}/v1/sites`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 'bench-hooks', name: 'Bench', webhookUrl: receiver.url }) });
    const { token } = (await siteRes.json()) as { token: string };
    const started = performance.now();
    let next = 0;
    const statuses: number[] = [];
    const client = async () => {
      while (next < BURST) {
        const n = next++;
        statuses.push(await post(`${running.url}/v1/comments`, token, { externalId: `burst-${n}`, articleId: `artikel-${n % 7}`, author: { id: `reader-${n}`, name: 'Pembaca' }, text: `Komentar nomor ${n} tentang harga BBM.` }));
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    const acked = performance.now();
    const deadline = Date.now() + 300_000;
    while (receiver.firstAt.size < BURST && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const last = Math.max(...receiver.firstAt.values());
    const created = statuses.filter((s) => s === 201).length;
    const totalS = (last - started) / 1000;
    const lines = [
      '# Webhook benchmark',
      '',
      `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, Node ${process.version}, store: embedded FerretDB 1.24 (SQLite); 1-minute load average ${load.toFixed(1)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end.`,
      `A burst of ${BURST} comments the engine approves (final, so each is worth a webhook), from ${CLIENTS} clients, to one site whose receiver answers 200 at once; service, receiver and clients in one process; webhook worker defaults (32 slots, 8 per site, idle poll 1 s, polls again at once while due work remains).`,
      '',
      '| comments | acknowledged (201) | all acknowledged after | last webhook received after | delivered | deliveries/s (burst start → last delivery) | target |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      `| ${BURST} | ${created} | ${((acked - started) / 1000).toFixed(1)} s | ${totalS.toFixed(1)} s | ${receiver.firstAt.size}/${BURST} | ${(receiver.firstAt.size / totalS).toFixed(1)} | all within 60 s: ${receiver.firstAt.size === BURST && totalS <= 60 ? 'met' : 'NOT met'} |`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    writeFileSync(path.join(REPO, 'bench', 'RESULTS-webhooks.md'), lines.join('\n'));
  } finally {
    await running.shutdown();
    await receiver.close();
    await store.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`webhook benchmark failed: ${String(err)}\n`);
  process.exit(1);
});

/**
 * One service instance for the stream benchmark (a child of bench/stream.ts):
 * the real server (startServer) plus a steady publisher driven over IPC.
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startServer, type RunningServer } from '../src/server';

type Command = { cmd: 'publish'; rate: number; durationMs: number; siteId: string } | { cmd: 'stop' };

const text = 'Awas lu gue habisi kalau ketemu di jalan, jangan kira gue nggak tahu rumah lo di mana. '.repeat(2).slice(0, 170);

/** Publishes `rate` events a second for `durationMs`, each stamped with its send time. */
async function publishSteadily(running: RunningServer, rate: number, durationMs: number, siteId: string): Promise<{ published: number; failed: number }> {
  let published = 0;
  let failed = 0;
  const inFlight = new Set<Promise<unknown>>();
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - started;
      const due = Math.min(Math.floor((elapsed / 1000) * rate), Math.floor((durationMs / 1000) * rate));
      while (published < due) {
        published += 1;
        const data = { id: `bench-${published}`, siteId, articleId: 'bench', status: 'pending', text, reasons: [{ ruleId: 'ancaman.threat-you', category: 'ancaman.violence', action: 'review', spans: [{ start: 8, end: 14, text: 'habisi' }] }], sentAt: performance.timeOrigin + performance.now() };
        const p = running.events.publish('comment.created', data as never, siteId).catch(() => (failed += 1));
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
      }
      if (elapsed >= durationMs) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  await Promise.all(inFlight);
  return { published, failed };
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SARING_WATCH_RULES: 'false' });
  const running = await startServer(config, createLogger('silent'));
  process.send?.({ type: 'ready', url: running.url });
  process.on('message', (message: Command) => {
    if (message.cmd === 'publish') {
      void publishSteadily(running, message.rate, message.durationMs, message.siteId).then((r) => process.send?.({ type: 'published', ...r }));
    } else if (message.cmd === 'stop') {
      void running.shutdown().finally(() => process.exit(0));
    }
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench server: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

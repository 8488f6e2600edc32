/**
 * Soak: `npm run build && npm run soak` (SOAK_SECONDS, default 600; SOAK_RATE
 * comments/s, default 50). Drives the whole service in a child process (the
 * same servers as bench:http) at a steady, moderate rate of POST /v1/comments
 * plus dry runs, samples the server's RSS and heap every 10 s, and prints a
 * table; memory should stay flat once warm.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import type { BenchServers } from './support/bench-servers';

const seconds = Number(process.env.SOAK_SECONDS ?? 600);
const rate = Number(process.env.SOAK_RATE ?? 50);
const sampleMs = Number(process.env.SOAK_SAMPLE_MS ?? 10_000);

interface Sample {
  at: number;
  rssMb: number;
  heapMb: number;
  sent: number;
  failed: number;
}

const text = 'Menurut saya kebijakan ini perlu dikaji ulang. Harga kebutuhan pokok sudah naik sejak awal tahun. Semoga pemerintah mendengar suara rakyat kecil.';

async function main(): Promise<void> {
  const child = fork(path.join(__dirname, 'support', 'bench-servers.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, SARING_BENCH_MEMORY: '1' } });
  const urls = await new Promise<BenchServers>((resolve) => child.once('message', (m) => resolve(m as BenchServers)));
  const memory = () =>
    new Promise<{ rss: number; heapUsed: number }>((resolve) => {
      child.once('message', (m) => resolve(m as { rss: number; heapUsed: number }));
      child.send('memory');
    });
  let sent = 0;
  let failed = 0;
  let n = 0;
  const post = async (url: string, token: string, body: unknown) => {
    try {
      const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await res.arrayBuffer();
      if (res.status >= 400) failed += 1;
    } catch {
      failed += 1;
    }
    sent += 1;
  };
  const started = Date.now();
  const tick = setInterval(() => {
    n += 1;
    // authors rotate over 500 readers, so per-author limits hold and the standing documents stay bounded
    void post(`${urls.service}/v1/comments`, urls.siteToken, { externalId: `soak-${started}-${n}`, articleId: `a-${n % 50}`, author: { id: `reader-${n % 500}`, name: 'Pembaca' }, text: `${text} #${n}` });
    if (n % 2 === 0) void post(`${urls.service}/v1/moderate`, urls.moderatorToken, { text });
  }, 1000 / rate);
  const samples: Sample[] = [];
  const take = async () => {
    const m = await memory();
    samples.push({ at: Math.round((Date.now() - started) / 1000), rssMb: m.rss / 2 ** 20, heapMb: m.heapUsed / 2 ** 20, sent, failed });
    const s = samples[samples.length - 1]!;
    process.stdout.write(`| ${s.at} | ${s.rssMb.toFixed(1)} | ${s.heapMb.toFixed(1)} | ${s.sent} | ${s.failed} |\n`);
  };
  process.stdout.write(`soak: ${seconds} s at ${rate} comments/s (+ ${rate / 2} dry runs/s)\n\n| t (s) | RSS MB | heap MB | requests | failed |\n| ---: | ---: | ---: | ---: | ---: |\n`);
  await take();
  while (Date.now() - started < seconds * 1000) {
    await new Promise((r) => setTimeout(r, sampleMs));
    await take();
  }
  clearInterval(tick);
  await new Promise((r) => setTimeout(r, 1000));
  const warm = samples.filter((s) => s.at >= Math.min(60, seconds / 2));
  const heap = warm.map((s) => s.heapMb);
  const rss = warm.map((s) => s.rssMb);
  process.stdout.write(`\nafter warm-up: heap ${Math.min(...heap).toFixed(1)}–${Math.max(...heap).toFixed(1)} MB, RSS ${Math.min(...rss).toFixed(1)}–${Math.max(...rss).toFixed(1)} MB; ${sent} requests, ${failed} failed\n`);
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.send('stop');
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`soak failed: ${String(err)}\n`);
  process.exit(1);
});

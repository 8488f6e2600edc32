/**
 * Stream benchmark: `npm run build && npm run bench:stream`.
 * Two real service instances share one store; N moderator sockets live in a
 * separate process. Each phase publishes events at a steady rate and
 * measures publish→receive latency at the sockets. Writes bench/RESULTS-stream.md.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmbeddedStore } from '../src/store/embedded-store';

const REPO = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const ADMIN = 'bench-admin-token-0123456789abcdef';
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 10_000);

interface Phase {
  name: string;
  sockets: number;
  rate: number;
  on: 'A' | 'B';
  targetP99: number;
}

const allPhases: Phase[] = [
  { name: 'same instance', sockets: 100, rate: 200, on: 'A', targetP99: 50 },
  { name: 'same instance', sockets: 1000, rate: 50, on: 'A', targetP99: 100 },
  { name: 'across instances (A publishes, sockets on B)', sockets: 100, rate: 50, on: 'B', targetP99: 500 },
];
/** `BENCH_PHASES=2` (1-based, comma-separated) runs some phases only. */
const phases = process.env.BENCH_PHASES ? allPhases.filter((_, i) => process.env.BENCH_PHASES!.split(',').includes(String(i + 1))) : allPhases;
const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];

/** Sends a command to a child and waits for its answer of `type`. */
function ask<T = Record<string, unknown>>(child: ChildProcess, message: unknown, type: string, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} from child within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: { type?: string; message?: string }) => {
      if (m.type === 'error') reject(new Error(m.message));
      if (m.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    if (message) child.send(message as never);
  });
}

async function startInstance(id: string, mongoUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(path.join(__dirname, 'stream-server.js'), { execArgv: id === 'A' ? profile : [], env: { ...process.env, MONGO_URL: mongoUrl, SARING_ADMIN_TOKEN: ADMIN, SARING_RULES_DIR: path.join(REPO, 'rules'), SARING_INSTANCE_ID: id } });
  const ready = await ask<{ url: string }>(child, undefined, 'ready');
  return { child, url: ready.url };
}

async function post(url: string, body: unknown): Promise<Record<string, string>> {
  const res = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, string>;
}

async function main(): Promise<void> {
  const dir = process.env.MONGO_URL ? undefined : mkdtempSync(path.join(os.tmpdir(), 'saring-bench-'));
  const store = dir ? await startEmbeddedStore({ dir }) : undefined;
  const mongoUrl = (process.env.MONGO_URL ?? store!.url).replace(/\/?(\?|$)/, '/saring_bench$1');
  const [a, b] = await Promise.all([startInstance('A', mongoUrl), startInstance('B', mongoUrl)]);
  const servers = { A: a, B: b };
  await post(`${a.url}/v1/sites`, { id: 'bench-site', name: 'Bench' }).catch(() => undefined);
  const moderator = (await post(`${a.url}/v1/principals`, { role: 'moderator', siteIds: ['bench-site'] })).token!;
  const clients = fork(path.join(__dirname, 'stream-clients.js'));
  const rows: string[] = [];
  const loadBefore = os.loadavg()[0]!.toFixed(1);
  let allPass = true;

  for (const phase of phases) {
    const target = servers[phase.on];
    await ask(clients, { cmd: 'connect', wsUrl: `${target.url.replace('http', 'ws')}/v1/stream`, token: moderator, n: phase.sockets }, 'connected');
    await ask(a.child, { cmd: 'publish', rate: phase.rate, durationMs: 1500, siteId: 'bench-site' }, 'published'); // warm-up
    await sleep(600);
    await ask(clients, { cmd: 'reset' }, 'reset');
    const pub = await ask<{ published: number; failed: number }>(a.child, { cmd: 'publish', rate: phase.rate, durationMs: PHASE_MS, siteId: 'bench-site' }, 'published', PHASE_MS + 30_000);
    await sleep(phase.on === 'A' ? 300 : 1500);
    const r = await ask<{ count: number; p50: number; p99: number; max: number; closedEarly: number }>(clients, { cmd: 'report' }, 'report');
    await ask(clients, { cmd: 'close' }, 'closed');
    const expected = pub.published * phase.sockets;
    const pass = r.p99 <= phase.targetP99 && r.count === expected;
    allPass &&= pass;
    const row = `| ${phase.name} | ${phase.sockets} | ${phase.rate}/s | ${pub.published} | ${r.count}/${expected} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ≤ ${phase.targetP99} | ${pass ? 'yes' : 'NO'} |`;
    rows.push(row);
    process.stdout.write(`${row}\n`);
    await sleep(500);
  }

  const cpus = os.cpus();
  const report = [
    '# Stream benchmark',
    '',
    `Run ${new Date().toISOString()} on ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, Node ${process.version}, store: ${process.env.MONGO_URL ? 'MONGO_URL' : 'embedded FerretDB 1.24 (SQLite)'}.`,
    `Two service instances (child processes A and B, real \`startServer\`) share the store; the moderator sockets run in a third process; all share the machine's cores.`,
    `Each phase: ${PHASE_MS / 1000} s of \`comment.created\` events (~600 bytes on the wire) published on A through the real EventLog (pushed to A's sockets at once, stored in \`events\` and in A's stream-relay document, which B polls every 50 ms), after a 1.5 s warm-up.`,
    'Latency = receive time at the socket − publish time stamped in the event (ms).',
    `The machine is shared: 1-minute load average ${loadBefore} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end of the run (2 means both cores busy before this benchmark adds its own load).`,
    '',
    '| phase | sockets | events | published | delivered/expected | p50 ms | p99 ms | max ms | target p99 | met |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(path.join(REPO, 'bench', 'RESULTS-stream.md'), report);
  process.stdout.write(`\nwrote bench/RESULTS-stream.md${allPass ? '' : ' (some targets missed)'}\n`);

  clients.kill();
  await Promise.all([ask(a.child, { cmd: 'stop' }, 'never', 5000).catch(() => undefined), ask(b.child, { cmd: 'stop' }, 'never', 5000).catch(() => undefined)]);
  a.child.kill();
  b.child.kill();
  await store?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:stream failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

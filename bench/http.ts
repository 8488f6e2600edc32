/**
 * HTTP benchmark: `npm run build && npm run bench:http` (BENCH_SECONDS, BENCH_CONNECTIONS).
 * `POST /v1/comments` through the whole service with the real embedded store,
 * side by side with a bare Express route that parses the same JSON and inserts
 * the same document with the same driver; then the dry-run `POST /v1/moderate`
 * against a bare Express route that only parses. Servers run in a child
 * process, autocannon in this one. Prints a markdown table.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { measure, table, type Measured } from './support/autocannon-run';
import type { BenchServers } from './support/bench-servers';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

const comment = JSON.stringify({
  externalId: 'bench-[<id>]',
  articleId: 'artikel-bbm-2024',
  articleTitle: 'Harga BBM naik mulai besok',
  section: 'ekonomi',
  author: { id: 'reader-[<id>]', name: 'Pembaca Setia' },
  // about 300 characters, the engine benchmark's size; nothing in it is held
  text: 'Menurut saya kebijakan ini perlu dikaji ulang. Harga kebutuhan pokok sudah naik sejak awal tahun, dan ongkos transportasi ke kantor makin berat. Semoga pemerintah mendengar suara rakyat kecil dan mencari jalan keluar yang adil, misalnya subsidi yang lebih tepat sasaran untuk keluarga yang benar-benar membutuhkan.',
});
const dryRun = JSON.stringify({ text: JSON.parse(comment).text as string });

function startServers(): Promise<{ urls: BenchServers; stop: () => Promise<void> }> {
  const child = fork(path.join(__dirname, 'support', 'bench-servers.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench servers exited with ${code}`)));
    child.once('message', (urls) =>
      resolve({
        urls: urls as BenchServers,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.send('stop');
          }),
      }),
    );
  });
}

const pct = (a: number, b: number) => `${Math.round((100 * a) / b)}%`;

async function main(): Promise<void> {
  const { urls, stop } = await startServers();
  const run = (name: string, url: string, body: string, token?: string, secs = seconds) => measure({ name, url, body, token, connections, seconds: secs });
  try {
    // warm-up: JIT, driver pools, the store's page cache
    await run('warm-up', `${urls.service}/v1/comments`, comment, urls.siteToken, 2);
    await run('warm-up', `${urls.bareInsert}/v1/comments`, comment, undefined, 2);
    const rows: Measured[] = [];
    rows.push(await run('bare Express: parse + insert', `${urls.bareInsert}/v1/comments`, comment));
    rows.push(await run('Saring POST /v1/comments', `${urls.service}/v1/comments`, comment, urls.siteToken));
    rows.push(await run('bare Express: parse only', `${urls.bareParse}/v1/moderate`, dryRun));
    rows.push(await run('Saring POST /v1/moderate (dry run)', `${urls.service}/v1/moderate`, dryRun, urls.moderatorToken));
    const [bareInsert, service, bareParse, moderateRow] = rows as [Measured, Measured, Measured, Measured];
    process.stdout.write(`\n${connections} connections, ${seconds} s per run, node ${process.version}\n\n${table(rows)}\n\n`);
    process.stdout.write(`| ratio | measured | target |\n| --- | ---: | ---: |\n`);
    process.stdout.write(`| POST /v1/comments vs bare parse + insert | ${pct(service.rps, bareInsert.rps)} | ≥ 70% |\n`);
    process.stdout.write(`| POST /v1/comments p99 | ${service.p99} ms | ≤ 50 ms |\n`);
    process.stdout.write(`| POST /v1/moderate vs bare parse | ${pct(moderateRow.rps, bareParse.rps)} | ≥ 80% |\n`);
  } finally {
    await stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:http failed: ${String(err)}\n`);
  process.exit(1);
});

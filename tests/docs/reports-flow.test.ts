import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/server';
import { RULES_DIR } from '../support/app';
import { testMongoUrl } from '../support/db';

const DOC = path.resolve(__dirname, '../../docs/reports.md');
const run = promisify(execFile);

/**
 * Every ```sh block of docs/reports.md, in order, as one script: the blocks share
 * their variables (`$ID`, `$ORDER`, the tokens) the way a reader's shell does.
 * The only change is the port; `npm start &` is the service this test starts.
 */
function docScript(text: string, port: string): string {
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks
    .join('\n')
    .split('\n')
    .filter((line) => !/^npm start\b/.test(line.trim()))
    .join('\n')
    .replaceAll('localhost:8080', `127.0.0.1:${port}`);
}

describe('the docs/reports.md examples, run as written', () => {
  let running: RunningServer;
  let port: string;
  const text = readFileSync(DOC, 'utf8');
  const adminToken = /SARING_ADMIN_TOKEN=(\S+)/.exec(text)?.[1];
  const work = path.resolve(__dirname, '../../.cache');

  beforeAll(async () => {
    expect(adminToken).toBeDefined();
    const url = new URL(testMongoUrl());
    url.pathname = `/saring_reportsdoc_${randomBytes(4).toString('hex')}`;
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', MONGO_URL: url.toString(), SARING_ADMIN_TOKEN: adminToken, SARING_RULES_DIR: RULES_DIR, SARING_WATCH_RULES: 'false' });
    running = await startServer(config, createLogger('silent'));
    port = new URL(running.url).port;
  });
  afterAll(() => running?.shutdown());

  it('then every curl answers a 2xx, the take-down order is completed with its evidence, and the author is erased', async () => {
    mkdirSync(work, { recursive: true });
    const dir = mkdtempSync(path.join(work, 'reports-doc-'));
    try {
      const log = path.join(dir, 'status.log');
      // every curl writes its status and URL to the log; the examples' own output goes to stdout as in a terminal
      const prelude = `set -e\ncurl() { command curl --max-time 10 -w '%{stderr}%{http_code} %{url_effective}\\n' "$@" 2>>"${log}"; }\n`;
      const script = `${prelude}${docScript(text, port)}\necho "ORDER=$ORDER"\n`;
      const { stdout } = await run('bash', ['-c', script], { cwd: dir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      const statuses = readFileSync(log, 'utf8').trim().split('\n');
      expect(statuses.length).toBeGreaterThan(20);
      expect(statuses.filter((s) => !/^2\d\d /.test(s))).toEqual([]);
      expect(stdout).toMatch(/ORDER=to_[\w-]{22}/);
      expect(stdout).toContain('"status":"completed"');
      expect(readFileSync(path.join(dir, 'bukti.html'), 'utf8')).toContain('Bukti pemutusan akses');
      expect(JSON.parse(readFileSync(path.join(dir, 'u-7.json'), 'utf8'))).toMatchObject({ siteId: 'kabar', authorId: 'u-7', names: ['Ujang'] });
      expect(stdout).toMatch(/"erasedAs":"erased-[0-9a-f]{12}"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

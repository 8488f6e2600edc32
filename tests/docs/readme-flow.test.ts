import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/server';
import { RULES_DIR } from '../support/app';
import { testMongoUrl } from '../support/db';

const README = path.resolve(__dirname, '../../README.md');
/** Async: the service runs in this process, so a synchronous child would block it. */
const run = promisify(execFile);

/** One shell step of the README's "Calling it" block: a command, and the status its `# → NNN` comment promises. */
interface Step {
  command: string;
  expect?: number;
}

/** The first ```sh block after "## Calling it", as steps (continuation lines joined, comments dropped). */
function readmeSteps(text: string): Step[] {
  const section = text.slice(text.indexOf('## Calling it'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README.md: no ```sh block under "## Calling it"');
  const steps: Step[] = [];
  let pending = '';
  for (const line of block.split('\n')) {
    const promised = /^#\s*→\s*(\d{3})\b/.exec(line.trim());
    if (promised) {
      const last = steps[steps.length - 1];
      if (last) last.expect = Number(promised[1]);
      continue;
    }
    if (pending === '' && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    pending += line.endsWith('\\') ? `${line.slice(0, -1)} ` : line;
    if (!line.endsWith('\\')) {
      steps.push({ command: pending.replace(/\s+#[^'"]*$/, '').trim() });
      pending = '';
    }
  }
  return steps;
}

/**
 * Runs the README's curl flow, as written, against a started service: the only
 * changes are the port and the placeholders the reader fills in by hand
 * (`sar_…` from the previous answer, `c_…` the comment, `to_…` the take-down order, `<tokenId>`).
 */
describe('the README curl flow, run as written', () => {
  let running: RunningServer;
  let port: string;
  const steps = readmeSteps(readFileSync(README, 'utf8'));
  const adminToken = /^ADMIN=(\S+)$/m.exec(readFileSync(README, 'utf8'))?.[1];

  beforeAll(async () => {
    expect(adminToken).toBeDefined();
    await run('curl', ['--version']).catch(() => {
      throw new Error('curl is needed to run the README examples (apt-get install curl)');
    });
    const url = new URL(testMongoUrl());
    url.pathname = `/saring_readme_${randomBytes(4).toString('hex')}`;
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', MONGO_URL: url.toString(), SARING_ADMIN_TOKEN: adminToken, SARING_RULES_DIR: RULES_DIR, SARING_WATCH_RULES: 'false' });
    running = await startServer(config, createLogger('silent'));
    port = new URL(running.url).port;
  });
  afterAll(() => running?.shutdown());

  it('then every command answers the status it promises (or a 2xx) and the placeholders can be filled from the answers', async () => {
    expect(steps.length).toBeGreaterThan(10);
    expect(steps.filter((s) => s.expect === 201)).toHaveLength(1); // the submit's `# → 201 {…}`
    const vars: Record<string, string> = {};
    const filled: Record<string, string> = {};
    let last: Record<string, unknown> = {};
    for (const step of steps) {
      const assignment = /^([A-Z_]+)=(\S+)$/.exec(step.command);
      if (assignment) {
        const [, name, value] = assignment as unknown as [string, string, string];
        // `SITE=sar_…   # the token from the answer`: the reader pastes it from the last answer
        vars[name] = value.includes('…') ? String(last.token) : value;
        continue;
      }
      const command = step.command
        .replaceAll('localhost:8080', `127.0.0.1:${port}`)
        .replaceAll('c_…', filled.comment ?? 'c_missing')
        .replaceAll('to_…', filled.order ?? 'to_missing')
        .replaceAll('<tokenId>', filled.tokenId ?? 'missing');
      const { stdout: out } = await run('bash', ['-c', `${command} --max-time 10 -w '\\n%{http_code}'`], { env: { ...process.env, ...vars }, encoding: 'utf8' });
      const status = Number(out.slice(out.lastIndexOf('\n') + 1));
      const body = out.slice(0, out.lastIndexOf('\n'));
      const ok = step.expect !== undefined ? status === step.expect : status >= 200 && status < 300;
      if (!ok) throw new Error(`README step answered ${status}${step.expect ? ` (it promises ${step.expect})` : ''}:\n  ${step.command}\n  ${body.slice(0, 500)}`);
      try {
        last = JSON.parse(body) as Record<string, unknown>;
      } catch {
        last = {};
      }
      if (typeof last.id === 'string' && last.id.startsWith('c_')) filled.comment = last.id;
      if (typeof last.id === 'string' && last.id.startsWith('to_')) filled.order = last.id;
      // the moderator token made above (POST /v1/principals answers its token id as `id`)
      if (last.role === 'moderator' && typeof last.id === 'string') filled.tokenId = last.id;
    }
  });
});

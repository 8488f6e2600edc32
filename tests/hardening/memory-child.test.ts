import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { issueToken } from '../../src/auth/tokens';
import { testMongoUrl } from '../support/db';
import { ADMIN_TOKEN, RULES_DIR } from '../support/app';
import { tsChildScript } from '../support/ts-child';

const HEAP_MB = 160;
// larger runs for docs/reliability.md: SARING_MEMTEST_WORDS=10000 SARING_MEMTEST_TOKENS=50000 npx jest tests/hardening/memory-child.test.ts
const WORDS = Number(process.env.SARING_MEMTEST_WORDS ?? 1500);
const TOKENS = Number(process.env.SARING_MEMTEST_TOKENS ?? 3000);
/** Bound on heap growth after the flood (MB). Before the fix each word kept ~36 KB: 1,500 words ≈ 54 MB. */
const GROWTH_BOUND_MB = 20;

const BOOT = tsChildScript(path.join(__dirname, 'support', 'memory-child.ts'));

const thaiWord = (i: number) => Array.from({ length: 9_990 }, (_, k) => String.fromCharCode(0x0e01 + ((i * 31 + k * 7 + (k >> 5)) % 46))).join('') + i.toString(36);

function ask<T>(child: ChildProcess, msg: string, key: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: Record<string, unknown>) => {
      if (key in m) {
        child.off('message', on);
        resolve(m[key] as T);
      }
    };
    child.on('message', on);
    if (msg) child.send(msg);
  });
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++] as T);
  }));
}

describe('a service with a small heap under unique words and forged tokens', () => {
  let child: ChildProcess;
  let url: string;
  let exited: number | null = null;
  beforeAll(async () => {
    const mongo = testMongoUrl().replace(/\/?(\?|$)/, `/saring_memchild_${randomBytes(3).toString('hex')}$1`);
    child = fork('-e', [BOOT], {
      execPath: process.execPath,
      execArgv: [`--max-old-space-size=${HEAP_MB}`, '--expose-gc', '-e', BOOT],
      env: { ...process.env, MONGO_URL: mongo, SARING_ADMIN_TOKEN: ADMIN_TOKEN, SARING_RULES_DIR: RULES_DIR, SARING_RATE_TOKEN_PER_SEC: '0', SARING_RATE_UNKNOWN_TOKEN_PER_SEC: '0' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.on('exit', (code) => (exited = code));
    url = await ask<string>(child, '', 'url');
  }, 60_000);
  afterAll(async () => {
    if (exited === null) {
      child.send('stop');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it(`when ${WORDS} unique 10,000-character words and ${TOKENS} forged tokens arrive (regression: heap out of memory), then it answers throughout and its heap grows by less than ${GROWTH_BOUND_MB} MB`, async () => {
    const moderate = (text: string) => fetch(`${url}/v1/moderate`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ text }) });
    for (let i = 0; i < 30; i++) await moderate(thaiWord(-i - 1));
    const before = await ask<number>(child, 'heap', 'heapUsed');
    const started = Date.now();
    const statuses = new Map<number, number>();
    const count = (s: number): void => void statuses.set(s, (statuses.get(s) ?? 0) + 1);
    await pool(Array.from({ length: WORDS }, (_, i) => i), 4, async (i) => count((await moderate(thaiWord(i))).status));
    await pool(Array.from({ length: TOKENS }, () => `sar_${issueToken().id}_${'z'.repeat(32)}`), 8, async (token) => count((await fetch(`${url}/v1/comments`, { headers: { Authorization: `Bearer ${token}` } })).status));
    const after = await ask<number>(child, 'heap', 'heapUsed');
    const health = await fetch(`${url}/healthz`);
    const growthMb = (after - before) / 1024 / 1024;
    process.stdout.write(`memory-child: ${WORDS} words + ${TOKENS} tokens in ${Date.now() - started} ms; heap ${(before / 1048576).toFixed(1)} → ${(after / 1048576).toFixed(1)} MB (+${growthMb.toFixed(1)})\n`);
    expect(exited).toBeNull();
    expect(health.status).toBe(200);
    expect(Object.fromEntries(statuses)).toEqual({ 200: WORDS, 401: TOKENS });
    expect(growthMb).toBeLessThan(GROWTH_BOUND_MB);
  }, 90_000 + (WORDS + TOKENS) * 20);
});

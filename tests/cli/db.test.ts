import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import mongoose from 'mongoose';
import { runDb } from '../../src/cli/db';
import { main } from '../../src/cli/index';
import { captureIo } from './capture-io';

const root = path.resolve(__dirname, '../..');

async function waitFor(check: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function canConnect(url: string): Promise<void> {
  const conn = mongoose.createConnection(url, { dbName: 'saring_cli_db', serverSelectionTimeoutMS: 5000 });
  await conn.asPromise();
  try {
    await conn.collection('probe').insertOne({ n: 1 });
    expect(await conn.collection('probe').countDocuments()).toBe(1);
  } finally {
    await conn.close();
  }
}

describe('saring db', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'saring-cli-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when started on port 0, then the first line of stdout is a mongodb:// URL a mongoose client can use, and stop ends it with 0', async () => {
    const io = captureIo();
    let stop!: () => void;
    const exit = runDb(['--port', '0', '--dir', dir], io, { stopWhen: new Promise<void>((r) => (stop = r)) });
    await waitFor(() => io.out().includes('\n'));
    const [first] = io.out().split('\n');
    expect(first).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/?/);
    await canConnect(first!);
    stop();
    await expect(exit).resolves.toBe(0);
    expect(io.err()).toContain('stopped');
  });

  it.each([
    ['a port that is not a number', ['--port', 'abc'], 2],
    ['a port out of range', ['--port', '70000'], 2],
    ['an unknown flag', ['--bogus'], 2],
  ])('when given %s, then it refuses with exit code %s and starts nothing', async (_name, args, code) => {
    const io = captureIo();
    await expect(main(['db', ...args], io)).resolves.toBe(code);
    expect(io.out()).toBe('');
  });

  const built = existsSync(path.join(root, 'dist/src/cli/index.js'));
  (built ? it : it.skip)('when run through bin/saring.js, then it prints the URL first and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [path.join(root, 'bin/saring.js'), 'db', '--port', '0', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
    expect(first).toMatch(/^mongodb:\/\//);
    await canConnect(first);
    child.kill('SIGTERM');
    await expect(exited).resolves.toBe(0);
  });
});

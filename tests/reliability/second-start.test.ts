import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startServer } from '../../src/server';
import { RULES_DIR } from '../support/app';
import { testMongoUrl } from '../support/db';
import { buildServer, freePort, spawnServer, type SpawnedServer } from './support/spawned-server';

/** Runs the built server until it exits; resolves with its exit code and everything it wrote. */
function runToExit(entry: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', SARING_RULES_DIR: RULES_DIR, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

describe('when a second service starts on a port or data dir that is in use', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'saring-second-start-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('when PORT is taken, then startServer refuses naming PORT before it starts the embedded store', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    const dataDir = path.join(tmp, 'never-created');
    try {
      const config = loadConfig({ PORT: String(port), HOST: '127.0.0.1', SARING_DATA_DIR: dataDir, SARING_RULES_DIR: RULES_DIR, SARING_WATCH_RULES: 'false' });
      await expect(startServer(config, createLogger('silent'))).rejects.toThrow(new RegExp(`PORT ${port} is already in use`));
      // no embedded store was started on the data dir for a service that cannot listen
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('when PORT is taken and MONGO_URL is set, then it refuses the same way', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const config = loadConfig({ PORT: String(port), HOST: '127.0.0.1', MONGO_URL: testMongoUrl(), SARING_RULES_DIR: RULES_DIR, SARING_WATCH_RULES: 'false' });
      await expect(startServer(config, createLogger('silent'))).rejects.toThrow(new RegExp(`PORT ${port} is already in use`));
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  describe('with two real `node server.js` processes', () => {
    let entry: string;
    let first: SpawnedServer;
    let port: number;
    let dataDir: string;

    beforeAll(async () => {
      entry = buildServer('second-start-build');
      port = await freePort();
      dataDir = path.join(tmp, 'data');
      first = await spawnServer(entry, { PORT: String(port), MONGO_URL: '', SARING_DATA_DIR: dataDir, SARING_RULES_DIR: RULES_DIR, SARING_WATCH_RULES: 'false' });
    }, 300_000);
    afterAll(async () => {
      if (first?.child.exitCode === null) {
        first.child.kill('SIGTERM');
        await first.exited;
      }
    });

    it('when the second one gets the same PORT and data dir, then it exits 1 with one line naming PORT, no stack, and the first keeps serving', async () => {
      const second = await runToExit(entry, { PORT: String(port), MONGO_URL: '', SARING_DATA_DIR: dataDir });
      expect(second.code).toBe(1);
      expect(second.output).toContain(`PORT ${port} is already in use`);
      expect(second.output).not.toMatch(/EADDRINUSE|\n\s+at /);
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    });

    it('when the second one gets another port but the same data dir, then it exits 1 naming SARING_DATA_DIR, the folder and the pid that holds it', async () => {
      const second = await runToExit(entry, { PORT: '0', MONGO_URL: '', SARING_DATA_DIR: dataDir });
      expect(second.code).toBe(1);
      expect(second.output).toContain(`SARING_DATA_DIR ${dataDir} is in use`);
      expect(second.output).toContain(`pid ${first.child.pid}`);
      expect(second.output).not.toMatch(/\n\s+at /);
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    });
  });
});

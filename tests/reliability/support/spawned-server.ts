import net from 'node:net';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(__dirname, '../../..');
/**
 * Compiles the service with the project's build config (tsconfig.build.json)
 * into `.cache/<name>` (a build of its own, so a test never races another
 * engineer's `npm run build` into dist/, nor another test file's build in a
 * parallel jest worker). Type errors elsewhere do not stop tsc from emitting,
 * so the check is that server.js is there.
 */
export function buildServer(name = 'reliability-build'): string {
  const outDir = path.join(root, '.cache', name);
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', outDir], { cwd: root, stdio: 'ignore' });
  const entry = path.join(outDir, 'src', 'server.js');
  if (!existsSync(entry)) throw new Error(`the build did not produce ${entry}`);
  return entry;
}

/** A real `node server.js` child: its URL, its log lines and its exit. */
export interface SpawnedServer {
  url: string;
  child: ChildProcess;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns the built server with `env` and resolves once it logs that it listens. */
export async function spawnServer(entry: string, env: Record<string, string>): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [entry], { cwd: root, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  createInterface({ input: child.stderr! }).on('line', (l) => lines.push(l));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      const parsed = (() => {
        try {
          return JSON.parse(line) as { msg?: string; url?: string };
        } catch {
          return {};
        }
      })();
      if (parsed.msg === 'saring listening' && parsed.url) resolve(parsed.url);
    });
    void exited.then(({ code }) => reject(new Error(`server exited with ${code} before listening:\n${lines.join('\n')}`)));
  });
  return { url, child, lines, exited };
}

/** A port that was free a moment ago (a restarted service takes the same one). */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { lockDataDir } from './data-dir-lock';

/**
 * The embedded MongoDB-compatible store: FerretDB v1.24 with its SQLite
 * backend, wrapped by the Go program in `tools/testdb/`. Used by the tests,
 * by `npm start` when MONGO_URL is unset, and by `saring db`.
 */

/** Walks up from this file to the folder that holds package.json. */
export function findProjectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

const root = findProjectRoot();
const sourceDir = path.join(root, 'tools', 'testdb');
/** Where the built binary lives; `SARING_TESTDB_BIN` overrides it. */
export const testdbBinary = process.env.SARING_TESTDB_BIN ?? path.join(root, '.cache', 'testdb');

function newestSourceMtime(): number {
  return readdirSync(sourceDir)
    .filter((f) => /\.(go|mod|sum)$/.test(f))
    .reduce((max, f) => Math.max(max, statSync(path.join(sourceDir, f)).mtimeMs), 0);
}

/** Builds `tools/testdb` with the machine's Go when the binary is missing or older than its source. */
export function ensureTestdbBinary(log: (msg: string) => void = () => undefined): string {
  if (existsSync(testdbBinary) && statSync(testdbBinary).mtimeMs >= newestSourceMtime()) return testdbBinary;
  log(`building the embedded store (tools/testdb, FerretDB + SQLite) into ${testdbBinary}; the first build takes about a minute`);
  mkdirSync(path.dirname(testdbBinary), { recursive: true });
  const result = spawnSync('go', ['build', '-trimpath', '-o', testdbBinary, '.'], {
    cwd: sourceDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CGO_ENABLED: '0', GOTOOLCHAIN: 'local' },
  });
  if (result.error) throw new Error(`cannot run go (Go >= 1.24 is needed for the embedded store, or set MONGO_URL): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`go build of tools/testdb failed with exit code ${result.status}`);
  return testdbBinary;
}

export interface EmbeddedStore {
  url: string;
  pid: number;
  /** Sends SIGTERM and waits for the process to exit. */
  stop(): Promise<void>;
  process: ChildProcess;
}

export interface EmbeddedStoreOptions {
  dir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Receives the store's own log lines (stderr). Dropped by default. */
  onLog?: (line: string) => void;
  /** Told when the store binary has to be built first (about a minute). */
  onBuild?: (message: string) => void;
}

/** Starts the embedded store and resolves with its mongodb:// URL once it listens. */
export async function startEmbeddedStore(opts: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const bin = ensureTestdbBinary(opts.onBuild);
  mkdirSync(opts.dir, { recursive: true });
  // one embedded store per folder: a second one on the same SQLite files would fight the first (DataDirInUseError)
  const lock = lockDataDir(opts.dir);
  const addr = `${opts.host ?? '127.0.0.1'}:${opts.port ?? 0}`;
  let child: ChildProcess;
  try {
    child = spawn(bin, ['-addr', addr, '-dir', path.resolve(opts.dir)], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    lock.release();
    throw err;
  }
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    if (stderr.length < 50) stderr.push(line);
    opts.onLog?.(line);
  });
  // never leave the store process behind when this process exits on any path
  const killOnExit = () => {
    child.kill('SIGTERM');
    lock.release();
  };
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.off('exit', killOnExit);
      lock.release();
      resolve();
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`embedded store exited with code ${code}: ${stderr.join('\n')}`)));
  });
  return {
    url,
    pid: child.pid!,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

import { parseArgs } from 'node:util';
import path from 'node:path';
import { ensureTestdbBinary, startEmbeddedStore } from '../store/embedded-store';
import type { CommandIo } from './cli-io';

/** Options of `saring db`. */
export interface DbCommandOptions {
  /** Resolves when the store should stop; defaults to the first SIGINT or SIGTERM. */
  stopWhen?: Promise<unknown>;
}

export const dbHelp = `saring db [--port N] [--host ADDR] [--dir DIR]

Runs the embedded MongoDB-compatible store (FerretDB + SQLite) in the foreground.
Prints its mongodb:// URL as the first line of stdout; stops on Ctrl-C or SIGTERM.
  --port N     port to listen on (default 27017; 0 picks a free port)
  --host ADDR  address to bind (default 127.0.0.1)
  --dir DIR    data directory (default $SARING_DATA_DIR or ./data)
`;

/** Resolves on the first SIGINT or SIGTERM. */
function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/**
 * `saring db`: starts the embedded store, prints its URL first, waits for a
 * signal (or for the store to die) and stops it. Returns the exit code.
 */
export async function runDb(argv: string[], io: CommandIo, opts: DbCommandOptions = {}): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, host: { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    io.stdout.write(dbHelp);
    return 0;
  }
  const port = Number(values.port ?? 27017);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr.write(`saring db: --port must be an integer from 0 to 65535, got ${values.port}\n`);
    return 2;
  }
  const dir = path.resolve(values.dir ?? (process.env.SARING_DATA_DIR || './data'));
  const stopWhen = opts.stopWhen ?? nextSignal();
  ensureTestdbBinary((msg) => io.stderr.write(`saring db: ${msg}\n`));
  const store = await startEmbeddedStore({ dir, port, host: values.host ?? '127.0.0.1', onLog: (line) => io.stderr.write(`${line}\n`) });
  io.stdout.write(`${store.url}\n`);
  io.stderr.write(`saring db: serving ${dir} at ${store.url} (pid ${store.pid}); Ctrl-C stops it\n`);
  const died = new Promise<'died'>((resolve) => store.process.once('exit', () => resolve('died')));
  const why = await Promise.race([stopWhen.then(() => 'stop' as const), died]);
  if (why === 'died') {
    io.stderr.write('saring db: the store exited on its own\n');
    return 1;
  }
  await store.stop();
  io.stderr.write('saring db: stopped\n');
  return 0;
}

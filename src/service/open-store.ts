import type { Config } from '../config';
import type { Logger } from '../logger';
import { connectStore, type Store } from '../store/connect';
import { DataDirInUseError } from '../store/data-dir-lock';
import { startEmbeddedStore, type EmbeddedStore } from '../store/embedded-store';

/** A start-up refusal whose message says what to do; printed as one line, without a stack. */
export class StartupError extends Error {}

/** Where a service keeps its data when not `config.mongoUrl` or the embedded store: a store URL and a database (tests). */
export interface StoreTarget {
  url: string;
  dbName: string;
}

/** An open store, and the embedded store process behind it when the service started one. */
export interface OpenedStore {
  store: Store;
  embedded?: EmbeddedStore;
}

/**
 * Connects to `target`, else to MONGO_URL, else starts the embedded store (FerretDB + SQLite)
 * in SARING_DATA_DIR; a data dir held by another process is a {@link StartupError}.
 */
export async function openStore(config: Readonly<Config>, logger: Logger, target?: StoreTarget): Promise<OpenedStore> {
  if (target) return { store: await connectStore(target.url, { dbName: target.dbName }) };
  if (config.mongoUrl) return { store: await connectStore(config.mongoUrl) };
  const embedded = await startEmbeddedStore({ dir: config.dataDir, onLog: (line) => logger.debug({ store: line }, 'embedded store'), onBuild: (msg) => logger.info(msg) }).catch((err: unknown) => {
    if (!(err instanceof DataDirInUseError)) throw err;
    throw new StartupError(
      `SARING_DATA_DIR ${err.dir} is in use by another saring or \`saring db\` (pid ${err.pid}): stop it, set SARING_DATA_DIR to another folder, or set MONGO_URL to the running store's URL to share it (if pid ${err.pid} is not a saring, delete ${err.dir}/saring.lock)`,
    );
  });
  logger.info({ url: embedded.url, dataDir: config.dataDir }, 'MONGO_URL is unset: started the embedded store (FerretDB + SQLite)');
  try {
    return { store: await connectStore(embedded.url, { dbName: 'saring' }), embedded };
  } catch (err) {
    await embedded.stop();
    throw err;
  }
}

import http from 'node:http';
import net from 'node:net';
import { loadConfig, ConfigError, type Config } from './config';
import { createAuthenticator } from './auth/authenticate';
import { EventLog } from './events/event-log';
import { createApp } from './http/app';
import { createLogger, type Logger } from './logger';
import { createMetrics } from './metrics';
import { RuleService } from './rules/watcher';
import { connectStore, type Store } from './store/connect';
import { DataDirInUseError } from './store/data-dir-lock';
import { startEmbeddedStore, type EmbeddedStore } from './store/embedded-store';
import { startLive } from './stream/live';
import { startOverdueSweeper } from './deadlines/overdue-sweeper';
import { startOrderSweeper } from './takedown/overdue-orders';
import { misnamedRuleFiles } from './rules/load';
import { RULE_FILE_NAME_RULE } from './rules/names';

export interface RunningServer {
  server: http.Server;
  url: string;
  /** The instance's event log (the stream benchmark publishes through it). */
  events: EventLog;
  /** Stops accepting, drains in-flight requests, closes sockets, closes the store. */
  shutdown(): Promise<void>;
}

/** A start-up refusal whose message says what to do; printed as one line, without a stack. */
export class StartupError extends Error {}

function portInUse(config: Readonly<Config>): StartupError {
  return new StartupError(
    `PORT ${config.port} is already in use on ${config.host} (another saring, or another program, listens there): stop it or set PORT to a free port`,
  );
}

/** Refuses a taken PORT before anything is started (a second `npm start` must not start a second embedded store). */
async function assertPortFree(config: Readonly<Config>): Promise<void> {
  if (config.port === 0) return;
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? portInUse(config) : err));
    probe.listen(config.port, config.host, () => probe.close(() => resolve()));
  });
}

async function openStore(config: Readonly<Config>, logger: Logger): Promise<{ store: Store; embedded?: EmbeddedStore }> {
  if (config.mongoUrl) return { store: await connectStore(config.mongoUrl) };
  const embedded = await startEmbeddedStore({ dir: config.dataDir, onLog: (line) => logger.debug({ store: line }, 'embedded store'), onBuild: (msg) => logger.info(msg) }).catch((err: unknown) => {
    if (!(err instanceof DataDirInUseError)) throw err;
    throw new StartupError(
      `SARING_DATA_DIR ${err.dir} is in use by another saring or \`saring db\` (pid ${err.pid}): stop it, set SARING_DATA_DIR to another folder, or set MONGO_URL to the running store's URL to share it (if pid ${err.pid} is not a saring, delete ${err.dir}/saring.lock)`,
    );
  });
  logger.info({ url: embedded.url, dataDir: config.dataDir }, 'MONGO_URL is unset: started the embedded store (FerretDB + SQLite)');
  return { store: await connectStore(embedded.url, { dbName: 'saring' }), embedded };
}

/** How long a shutdown waits for in-flight requests before it closes their connections. */
const shutdownGraceMs = 10_000;

/** Connects, loads rules, listens, and wires shutdown in order. */
export async function startServer(config: Readonly<Config>, logger: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  await assertPortFree(config);
  const { store, embedded } = await openStore(config, logger);
  const metrics = createMetrics({ defaultMetrics: true });
  const events = new EventLog(store.models, { instanceId: config.instanceId, onError: (err) => logger.warn({ err }, 'an event could not be stored (live sockets got it; replays will not)') });
  const rules = new RuleService({
    dir: config.rulesDir,
    onReloaded: (rs) => {
      logger.info({ rulesetVersion: rs.version }, 'rules reloaded');
      void events.publish('rules.reloaded', { version: rs.version }).catch(() => undefined);
    },
    onRejected: (err) => {
      logger.warn({ issues: err.issues }, 'rule change rejected; the last good ruleset keeps serving');
      void events.publish('rules.rejected', { issues: err.issues }).catch(() => undefined);
    },
  });
  try {
    await rules.start();
  } catch (err) {
    // a refused initial ruleset must not leave the store (or the embedded store process) behind
    await store.close().catch(() => undefined);
    await embedded?.stop();
    throw new StartupError(`SARING_RULES_DIR ${config.rulesDir}: ${(err as Error).message}`, { cause: err });
  }
  for (const file of await misnamedRuleFiles(config.rulesDir).catch(() => [])) logger.warn({ file }, `rule file not loaded: ${RULE_FILE_NAME_RULE}`);
  if (config.watchRules) rules.watch();
  const auth = createAuthenticator({ models: store.models, adminToken: config.adminToken, cacheMax: config.limits.auth.cacheMax, negativeMax: config.limits.auth.negativeMax });
  const app = createApp({ config, store, rules, logger, metrics, auth, events, now: () => new Date() });

  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  let draining = false;
  // while draining, each answer closes its connection: keep-alive clients under load would otherwise keep the drain open forever
  server.prependListener('request', (_req, res: http.ServerResponse) => {
    if (draining) res.shouldKeepAlive = false;
  });
  const live = startLive(server, { config, store, auth, events, logger, metrics });
  const overdue = startOverdueSweeper({ store, events, metrics, logger, now: () => new Date() });
  const overdueOrders = startOrderSweeper({ store, events, metrics, logger, now: () => new Date() });
  try {
    await new Promise<void>((resolve, reject) => {
      const failed = (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? portInUse(config) : err);
      server.once('error', failed);
      server.listen(config.port, config.host, () => {
        server.off('error', failed);
        resolve();
      });
    });
  } catch (err) {
    // taken between the check and now: undo what was started, in the shutdown's order
    await live.stop();
    await overdue.stop();
    await overdueOrders.stop();
    rules.close();
    await store.close().catch(() => undefined);
    await embedded?.stop();
    throw err;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  logger.info({ url, rulesetVersion: rules.current().version }, 'saring listening');

  let closing: Promise<void> | undefined;
  const shutdown = () =>
    (closing ??= (async () => {
      logger.info('shutting down: no new connections, draining in-flight requests');
      live.stopAccepting();
      draining = true;
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // a request that never ends must not keep the process alive: past the grace period, cut what is left
      const grace = setTimeout(() => server.closeAllConnections(), shutdownGraceMs);
      grace.unref();
      // upgraded stream sockets count as open connections: close them (1001) or the drain never ends
      await live.closeSockets();
      await drained;
      clearTimeout(grace);
      await live.stop();
      await overdue.stop();
      await overdueOrders.stop();
      rules.close();
      await store.close();
      await embedded?.stop();
      logger.info('shut down cleanly');
    })());
  return { server, url, events, shutdown };
}

async function main(): Promise<void> {
  let config: Readonly<Config>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`saring: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const running = await startServer(config, logger);
  const stop = (signal: string) => {
    logger.info({ signal }, 'signal received');
    running.shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`saring: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}

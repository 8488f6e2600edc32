import type http from 'node:http';
import net from 'node:net';
import { loadConfig, ConfigError, type Config } from './config';
import type { EventLog } from './events/event-log';
import { createLogger, type Logger } from './logger';
import { createService, type Service } from './service/create-service';
import { StartupError } from './service/open-store';

export { StartupError };

export interface RunningServer {
  server: http.Server;
  url: string;
  /** The instance's event log (the stream benchmark publishes through it). */
  events: EventLog;
  /** The whole service (its store, rules, metrics…). */
  service: Service;
  /** Stops accepting, drains in-flight requests, closes sockets, stops the jobs, closes the store. */
  shutdown(): Promise<void>;
}

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

/**
 * Runs the service on PORT: refuses a taken port before anything starts, builds the one
 * wiring ({@link createService}), starts its jobs and listens. The shutdown is the service's.
 */
export async function startServer(config: Readonly<Config>, logger: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  await assertPortFree(config);
  const service = await createService(config, { logger });
  service.start();
  let url: string;
  try {
    url = await service.listen();
  } catch (err) {
    // taken between the check and now: undo what was started, in the shutdown's order
    await service.stop();
    throw (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? portInUse(config) : err;
  }
  logger.info({ url, rulesetVersion: service.rules.current().version, jobs: service.jobNames }, 'saring listening');
  const shutdown = async () => {
    logger.info('shutting down: no new connections, draining in-flight requests');
    await service.stop();
    logger.info('shut down cleanly');
  };
  let closing: Promise<void> | undefined;
  return { server: service.server as http.Server, url, events: service.events, service, shutdown: () => (closing ??= shutdown()) };
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

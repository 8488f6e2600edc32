import http from 'node:http';
import type { Express } from 'express';
import { createAuthenticator, type Authenticator } from '../auth/authenticate';
import type { Config } from '../config';
import { EventLog } from '../events/event-log';
import { createApp } from '../http/app';
import type { RuleProvider } from '../deps';
import { createLogger, type Logger } from '../logger';
import { createMetrics, type Metrics } from '../metrics';
import type { RuleService, RuleServiceOptions } from '../rules/watcher';
import { createSiteDirectory } from '../sites/site-directory';
import type { Store } from '../store/connect';
import { attachLive, type Live, type LiveOptions } from '../stream/live';
import { drainable, type AttachedServer } from './http-drain';
import { startJobs, type JobName, type JobOverrides, type RunningJobs } from './jobs';
import { openStore, type StoreTarget } from './open-store';
import { startRuleService } from './rules';
import { settleMarkings } from '../effects/done-queue';

/** What a caller may replace in the wiring; everything else comes from the config. Tests use these. */
export interface ServiceOverrides {
  /** A store URL and database to use instead of MONGO_URL or the embedded store. */
  store?: StoreTarget;
  /** The clock of the app, the event log and the jobs (tests move it instead of sleeping). */
  now?: () => Date;
  logger?: Logger;
  /** Default: a registry of its own with Node's default metrics. */
  metrics?: Metrics;
  /** A rule provider of its own (not watched; read-only unless it has `applyEdit`). Default: a RuleService on SARING_RULES_DIR. */
  rules?: RuleProvider;
  /** Options of the default rule service (a test's short debounce). */
  ruleService?: Pick<RuleServiceOptions, 'debounceMs'>;
  /** How long a cached token stays trusted (ms); 0 checks the store every time (tests revoking tokens). */
  authCacheMs?: number;
  /** Per background job: its options, or false to leave it off. */
  jobs?: JobOverrides;
  /** Stream options (heartbeat, revalidation…). */
  live?: LiveOptions;
  /** How long a shutdown waits for in-flight requests before it cuts their connections (ms). */
  shutdownGraceMs?: number;
}

/** One instance of Saring: its app and parts, and its lifecycle. */
export interface Service {
  app: Express;
  config: Readonly<Config>;
  store: Store;
  events: EventLog;
  metrics: Metrics;
  rules: RuleProvider;
  /** The service's own rule service (absent when a provider was injected). */
  ruleService?: RuleService;
  auth: Authenticator;
  logger: Logger;
  now: () => Date;
  /** The stream, once attached to a server. */
  readonly live: Live | undefined;
  /** The http server `listen()` created, once listening. */
  readonly server: http.Server | undefined;
  /** `http://host:port`, once listening. */
  readonly url: string | undefined;
  /** The background jobs running (empty before `start()`). */
  readonly jobNames: readonly JobName[];
  /** Serves the stream on `server` (which serves `app`) and makes it part of the shutdown. */
  attach(server: http.Server): AttachedServer;
  /** Creates the http server, attaches, listens (default: PORT, HOST) and returns the URL. */
  listen(opts?: { port?: number; host?: string }): Promise<string>;
  /** Starts the background jobs (src/service/jobs.ts), in their order. */
  start(): void;
  /** Shuts down in order: drain HTTP → close stream sockets → stop jobs → close the event log, the rules, the store, the embedded store. */
  stop(): Promise<void>;
}

/** Default shutdown grace period (ms). */
const shutdownGraceMs = 10_000;

/**
 * The one wiring of Saring, used by `server.ts`, `saring serve`, every test helper and the
 * benchmarks: opens the store, loads the rules, builds the app, and owns the lifecycle of
 * the stream and the background jobs. It does not listen or start jobs by itself.
 *
 * @example
 * const service = await createService(loadConfig());
 * service.start();
 * await service.listen();
 * process.once('SIGTERM', () => void service.stop());
 */
export async function createService(config: Readonly<Config>, overrides: ServiceOverrides = {}): Promise<Service> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const now = overrides.now ?? (() => new Date());
  const metrics = overrides.metrics ?? createMetrics({ defaultMetrics: true });
  const { store, embedded } = await openStore(config, logger, overrides.store);
  const events = new EventLog(store.models, { instanceId: config.instanceId, now, onError: (err) => logger.warn({ err }, 'an event could not be stored (live sockets got it; replays will not)') });
  let ruleService: RuleService | undefined;
  try {
    ruleService = overrides.rules ? undefined : await startRuleService({ config, events, logger, metrics }, overrides.ruleService);
  } catch (err) {
    // a refused initial ruleset must not leave the store (or the embedded store process) behind
    await events.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    await embedded?.stop();
    throw err;
  }
  const rules: RuleProvider = overrides.rules ?? (ruleService as RuleService);
  const auth = createAuthenticator({ models: store.models, adminToken: config.adminToken, cacheMax: config.limits.auth.cacheMax, negativeMax: config.limits.auth.negativeMax, ...(overrides.authCacheMs !== undefined ? { cacheMs: overrides.authCacheMs } : {}) });
  const sites = createSiteDirectory(store.models);
  const app = createApp({ config, store, rules, logger, metrics, auth, events, now, sites });

  const attached: AttachedServer[] = [];
  let running: RunningJobs | undefined;
  let url: string | undefined;
  let listening: http.Server | undefined;
  let stopping: Promise<void> | undefined;

  const attach = (server: http.Server): AttachedServer => {
    const live = attachLive(server, { config, auth, events, logger, metrics }, overrides.live);
    const serving = drainable(server, live, overrides.shutdownGraceMs ?? shutdownGraceMs);
    attached.push(serving);
    return serving;
  };

  const listen = async (opts: { port?: number; host?: string } = {}): Promise<string> => {
    const host = opts.host ?? config.host;
    const server = http.createServer(app);
    server.keepAliveTimeout = 65_000;
    attach(server);
    listening = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? config.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
    return url;
  };

  const stop = () =>
    (stopping ??= (async () => {
      await Promise.all(attached.map((a) => a.drain()));
      await running?.stop();
      // the writers' fast path may still carry out effects in the background: let it finish before the store goes
      await settleMarkings(store);
      await events.close().catch((err: unknown) => logger.warn({ err }, 'the event log did not close cleanly'));
      ruleService?.close();
      await store.close();
      await embedded?.stop();
    })());

  return {
    app,
    config,
    store,
    events,
    metrics,
    rules,
    ...(ruleService ? { ruleService } : {}),
    auth,
    logger,
    now,
    get live() {
      return attached[0]?.live;
    },
    get server() {
      return listening;
    },
    get url() {
      return url;
    },
    get jobNames() {
      return running?.names ?? [];
    },
    attach,
    listen,
    start() {
      running ??= startJobs({ config, store, events, ...(ruleService ? { ruleService } : {}), sites, logger, metrics, now }, overrides.jobs);
    },
    stop,
  };
}

import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import type { Authenticator } from '../../src/auth/authenticate';
import { loadConfig, type Config } from '../../src/config';
import type { EventLog } from '../../src/events/event-log';
import type { RuleProvider } from '../../src/deps';
import { createLogger, type Logger } from '../../src/logger';
import { createMetrics, type Metrics } from '../../src/metrics';
import { loadRulesetFromDir } from '../../src/rules/load';
import { createService, type Service, type ServiceOverrides } from '../../src/service/create-service';
import type { JobOverrides } from '../../src/service/jobs';
import type { Store } from '../../src/store/connect';
import { testMongoUrl } from './db';
import { randomBytes } from 'node:crypto';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const RULES_DIR = path.resolve(__dirname, '../../rules');

export interface TestApp {
  app: Express;
  store: Store;
  events: EventLog;
  metrics: Metrics;
  config: Readonly<Config>;
  rules: RuleProvider;
  auth: Authenticator;
  /** The whole service (jobs, stream, lifecycle). */
  service: Service;
  /** The database name (a second instance can share it). */
  dbName: string;
  /** A fixed or moving clock, settable by tests. */
  clock: { now: Date };
  /** Stops the service; its database stays, so a second instance can start on the same data (tests/support/db.ts). */
  close(): Promise<void>;
}

/** Options of a test instance: the environment, a clock, the store, rules, and per-job overrides. */
export interface TestAppOptions {
  env?: Record<string, string>;
  label?: string;
  /** A fixed clock the test moves (`t.clock.now = …`); turns the overdue sweepers off, the test drives them. */
  clock?: Date;
  mongoUrl?: string;
  dbName?: string;
  /** A rule provider of the test's own. Default: the shipped rules, read-only; with `env.SARING_RULES_DIR`, the service's own (watched, editable) rule service on that directory. */
  rules?: RuleProvider;
  logger?: Logger;
  jobs?: JobOverrides;
  live?: ServiceOverrides['live'];
}

/**
 * Job settings of a test instance: short intervals, no webhook worker unless a test asks for
 * one. With a fixed clock the overdue sweepers are off: such tests call the sweeps themselves
 * after moving the clock, and a background sweep would race them for the same comments.
 */
function testJobs(fixedClock: boolean, jobs: JobOverrides = {}): JobOverrides {
  const sweeper = fixedClock ? false : { intervalMs: 1000 };
  return { eventPoller: { intervalMs: 50 }, webhookWorker: false, overdueSweeper: sweeper, orderSweeper: sweeper, ...jobs };
}

/** The shipped rules, compiled once per process and never written (a test never edits the repo's rules/). */
let shipped: Promise<RuleProvider> | undefined;
function shippedRules(): Promise<RuleProvider> {
  shipped ??= loadRulesetFromDir(RULES_DIR).then((ruleset) => ({ current: () => ruleset }));
  return shipped;
}

/**
 * Builds the real service (createService, the one wiring) on a database of its own in the
 * real store, with the shipped rules, and starts its jobs. Nothing is mocked: tests speak
 * HTTP to it through supertest; `startLiveInstance` also listens.
 */
export async function buildTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({ SARING_ADMIN_TOKEN: ADMIN_TOKEN, SARING_RULES_DIR: RULES_DIR, LOG_LEVEL: 'silent', ...opts.env });
  const dbName = opts.dbName ?? `saring_${(opts.label ?? 'app').replace(/\W/g, '_').slice(0, 16)}_${randomBytes(4).toString('hex')}`;
  const clock = { now: opts.clock ?? new Date() };
  const ownRulesDir = opts.env?.SARING_RULES_DIR !== undefined;
  const service = await createService(config, {
    store: { url: opts.mongoUrl ?? testMongoUrl(), dbName },
    now: opts.clock ? () => clock.now : () => new Date(),
    logger: opts.logger ?? createLogger('silent'),
    metrics: createMetrics(),
    ...(opts.rules ? { rules: opts.rules } : ownRulesDir ? {} : { rules: await shippedRules() }),
    ruleService: { debounceMs: 50 },
    authCacheMs: 0,
    jobs: testJobs(opts.clock !== undefined, opts.jobs),
    ...(opts.live ? { live: opts.live } : {}),
    shutdownGraceMs: 500,
  });
  service.start();
  const { app, store, events, metrics, rules, auth } = service;
  return {
    app,
    store,
    events,
    metrics,
    config,
    rules,
    auth,
    service,
    dbName,
    clock,
    close: () => service.stop(),
  };
}

/** Creates a site through the API and returns its token. */
export async function createSite(app: Express, id: string, extra: Record<string, unknown> = {}): Promise<{ token: string; webhookSecret?: string }> {
  const res = await request(app).post('/v1/sites').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ id, name: `Site ${id}`, ...extra });
  if (res.status !== 201) throw new Error(`createSite ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token, webhookSecret: res.body.webhookSecret };
}

/** Creates a moderator (or admin, legal, site) token for some sites. */
export async function createPrincipal(app: Express, role: 'moderator' | 'admin' | 'site' | 'legal', siteIds: string[]): Promise<string> {
  const res = await request(app).post('/v1/principals').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ role, siteIds });
  if (res.status !== 201) throw new Error(`createPrincipal: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

let counter = 0;
/** A valid comment body with deep-partial overrides. */
export function aComment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    externalId: `ext-${process.pid}-${counter}-${randomBytes(3).toString('hex')}`,
    articleId: 'artikel-1',
    articleTitle: 'Harga BBM naik',
    author: { id: `reader-${counter % 5}`, name: 'Pembaca' },
    text: 'Semoga pemerintah cepat tanggap.',
    ...overrides,
  };
}

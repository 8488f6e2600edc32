import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { createAuthenticator, type Authenticator } from '../../src/auth/authenticate';
import { loadConfig, type Config } from '../../src/config';
import { EventLog } from '../../src/events/event-log';
import { createApp } from '../../src/http/app';
import type { RuleProvider } from '../../src/deps';
import { createLogger } from '../../src/logger';
import { createMetrics, type Metrics } from '../../src/metrics';
import { loadRulesetFromDir } from '../../src/rules/load';
import { connectStore, type Store } from '../../src/store/connect';
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
  /** The database name (a second instance can share it). */
  dbName: string;
  /** A fixed or moving clock, settable by tests. */
  clock: { now: Date };
  close(): Promise<void>;
}

/**
 * Builds the real app on a database of its own in the real store, with the
 * shipped rules. Nothing is mocked: tests speak HTTP to it through supertest.
 */
export async function buildTestApp(opts: { env?: Record<string, string>; label?: string; clock?: Date; mongoUrl?: string; dbName?: string; rules?: RuleProvider } = {}): Promise<TestApp> {
  const config = loadConfig({ SARING_ADMIN_TOKEN: ADMIN_TOKEN, SARING_RULES_DIR: RULES_DIR, LOG_LEVEL: 'silent', ...opts.env });
  const dbName = opts.dbName ?? `saring_${(opts.label ?? 'app').replace(/\W/g, '_').slice(0, 16)}_${randomBytes(4).toString('hex')}`;
  const store = await connectStore(opts.mongoUrl ?? testMongoUrl(), { dbName });
  const ruleset = await loadRulesetFromDir(RULES_DIR);
  // `rules`: e.g. a RuleService on a temp copy of rules/ (tests/rules-api/live-rules.ts), for tests that edit rules.
  const rules: RuleProvider = opts.rules ?? { current: () => ruleset };
  const clock = { now: opts.clock ?? new Date() };
  const now = opts.clock ? () => clock.now : () => new Date();
  const metrics = createMetrics();
  const events = new EventLog(store.models, { now });
  const logger = createLogger('silent');
  const auth = createAuthenticator({ models: store.models, adminToken: config.adminToken, cacheMs: 0 });
  const app = createApp({ config, store, rules, logger, metrics, auth, events, now });
  return {
    app,
    store,
    events,
    metrics,
    config,
    rules,
    auth,
    dbName,
    clock,
    async close() {
      await store.conn.dropDatabase().catch(() => undefined);
      await store.close();
    },
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

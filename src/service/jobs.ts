import type { Logger } from 'pino';
import type { Config } from '../config';
import { startOverdueSweeper } from '../deadlines/overdue-sweeper';
import type { EventLog } from '../events/event-log';
import { startEventPoller, type EventPollerOptions } from '../events/event-poller';
import { startEventRetention } from '../events/event-retention';
import { startEffectRelay, type EffectRelayOptions } from '../effects/effect-relay';
import type { Metrics } from '../metrics';
import type { RuleService } from '../rules/watcher';
import type { SiteDirectory } from '../sites/site-directory';
import { pruneLocks } from '../store/claims';
import type { Store } from '../store/connect';
import { startOrderSweeper } from '../takedown/overdue-orders';
import { startWebhookWorker, type WebhookWorkerOptions } from '../webhooks/webhook-worker';

/** What a background job may use: the service's parts, built once by createService. */
export interface JobContext {
  config: Readonly<Config>;
  store: Store;
  events: EventLog;
  /** The service's own rule service; absent when a rule provider was injected (nothing to watch). */
  ruleService?: RuleService;
  sites: SiteDirectory;
  logger: Logger;
  metrics: Metrics;
  now: () => Date;
}

/** A started job; `stop()` waits for the work in flight. */
export interface RunningJob {
  stop(): Promise<void> | void;
}

/** How often a sweep runs (ms). */
export interface IntervalOptions {
  intervalMs?: number;
}

const warn = (ctx: JobContext, what: string) => (err: unknown) => ctx.logger.warn({ err }, what);

/** A job from a plain stop function. */
const stopping = (stop: () => void): RunningJob => ({ stop });

/**
 * The background jobs of one instance, in the order they start; they stop in the reverse
 * order, after HTTP has drained and before the event log and the store close. Each entry
 * starts one job from the service's parts and its options (a test's override), or returns
 * undefined when the configuration turns it off. Adding a job is one entry here; a test
 * turns one off with `createService(config, { jobs: { webhookWorker: false } })`.
 */
export const jobs = {
  /** Reloads rules edited by hand on disk (SARING_WATCH_RULES); ignores the service's own writes. */
  ruleWatcher: (ctx: JobContext) => {
    const rules = ctx.ruleService;
    if (!rules || !ctx.config.watchRules) return undefined;
    rules.watch();
    return stopping(() => rules.close());
  },
  /** Hands other instances' events to this one's listeners (the stream). */
  eventPoller: (ctx: JobContext, o: EventPollerOptions = {}) => startEventPoller(ctx.events, { onError: warn(ctx, 'event poll failed'), ...o }),
  /** Deletes events older than SARING_EVENT_RETENTION_HOURS. */
  eventRetention: (ctx: JobContext, o: IntervalOptions = {}) =>
    stopping(startEventRetention(ctx.store.models, { retentionHours: ctx.config.eventRetentionHours, now: ctx.now, onError: warn(ctx, 'event retention sweep failed'), ...o })),
  /** Deletes claims older than an hour (whoever held them is long gone). */
  lockSweep: (ctx: JobContext, o: IntervalOptions & { maxAgeMs?: number } = {}) => {
    const maxAgeMs = o.maxAgeMs ?? 3_600_000;
    const sweep = () => void pruneLocks(ctx.store.conn, new Date(ctx.now().getTime() - maxAgeMs)).catch(warn(ctx, 'lock sweep failed'));
    const timer = setInterval(sweep, o.intervalMs ?? 600_000);
    timer.unref();
    return stopping(() => clearInterval(timer));
  },
  /** Carries out side effects their writers left pending (events, webhook deliveries; src/effects/); runs even when the webhook worker is off. */
  effectRelay: (ctx: JobContext, o: EffectRelayOptions = {}) => startEffectRelay({ store: ctx.store, events: ctx.events }, { onError: warn(ctx, 'effect relay failed'), ...o }),
  /** Delivers queued webhooks (per-site slots) and prunes old deliveries. */
  webhookWorker: (ctx: JobContext, o: WebhookWorkerOptions = {}) =>
    startWebhookWorker({ store: ctx.store }, { now: ctx.now, retentionDays: ctx.config.webhookRetentionDays, onError: warn(ctx, 'webhook delivery failed'), ...o }),
  /** Raises comment.overdue for held or reported comments past their deadline. */
  overdueSweeper: (ctx: JobContext, o: IntervalOptions = {}) =>
    startOverdueSweeper({ store: ctx.store, events: ctx.events, metrics: ctx.metrics, logger: ctx.logger, now: ctx.now }, o),
  /** Completes take-down orders whose comments are all removed; raises takedown.overdue. */
  orderSweeper: (ctx: JobContext, o: IntervalOptions = {}) =>
    startOrderSweeper({ store: ctx.store, events: ctx.events, metrics: ctx.metrics, logger: ctx.logger, now: ctx.now }, o),
} satisfies Record<string, (ctx: JobContext, options?: never) => RunningJob | undefined>;

/** The name of a background job. */
export type JobName = keyof typeof jobs;

/** Per job: its options, or false to leave it off (tests). */
export type JobOverrides = { [K in JobName]?: Parameters<(typeof jobs)[K]>[1] | false };

/** The jobs started by {@link startJobs}, stopped together. */
export interface RunningJobs {
  /** The jobs running, in start order. */
  readonly names: readonly JobName[];
  /** Stops every job, the last started first; a failing stop is logged and the others still stop. */
  stop(): Promise<void>;
}

/** Starts the jobs of {@link jobs} in their order, skipping the ones `overrides` turns off. */
export function startJobs(ctx: JobContext, overrides: JobOverrides = {}): RunningJobs {
  const running: Array<{ name: JobName; job: RunningJob }> = [];
  for (const name of Object.keys(jobs) as JobName[]) {
    const options = overrides[name];
    if (options === false) continue;
    const job = (jobs[name] as (c: JobContext, o?: unknown) => RunningJob | undefined)(ctx, options);
    if (job) running.push({ name, job });
  }
  return {
    names: running.map((r) => r.name),
    async stop() {
      for (const { name, job } of [...running].reverse()) {
        await Promise.resolve()
          .then(() => job.stop())
          .catch((err: unknown) => ctx.logger.warn({ err, job: name }, 'a job did not stop cleanly'));
      }
    },
  };
}

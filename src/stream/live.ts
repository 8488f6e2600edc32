import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticate';
import type { Config } from '../config';
import { pruneLocks } from '../decisions/claim-lock';
import type { EventLog } from '../events/event-log';
import { startEventPoller, type EventPollerOptions } from '../events/event-poller';
import { startEventRetention } from '../events/event-retention';
import type { Metrics } from '../metrics';
import type { Store } from '../store/connect';
import { startEffectRelay, type EffectRelayOptions } from '../effects/effect-relay';
import { startWebhookWorker, type WebhookWorkerOptions } from '../webhooks/webhook-worker';
import { attachStreamServer, type StreamServerOptions } from './stream-server';
import { StreamHub, type StreamHubOptions } from './stream-hub';

export interface LiveDeps {
  config: Readonly<Pick<Config, 'eventRetentionHours'> & Partial<Pick<Config, 'webhookRetentionDays'>>> & { limits?: Pick<Config['limits'], 'stream'> };
  store: Store;
  auth: Authenticator;
  events: EventLog;
  logger: Logger;
  metrics?: Metrics;
  now?: () => Date;
}

export interface LiveOptions {
  hub?: StreamHubOptions;
  stream?: Pick<StreamServerOptions, 'replayOverlapMs' | 'maxReplay' | 'revalidateMs' | 'maxReplaysPerPrincipal'>;
  poller?: EventPollerOptions | false;
  webhooks?: WebhookWorkerOptions | false;
  /** The relay of side effects left pending (src/effects/); it runs even when `webhooks` is off. */
  effects?: EffectRelayOptions;
}

/** The live side of one instance, started next to the http server. */
export interface Live {
  hub: StreamHub;
  /** Refuses new stream connections (first step of shutdown). */
  stopAccepting(): void;
  /** Closes every stream socket with 1001. */
  closeSockets(): Promise<void>;
  /** Stops the poller, the effect relay, the webhook worker and the sweeps (before the store closes). */
  stop(): Promise<void>;
}

/**
 * Wires the live stream onto `server`: the hub receives every event of the
 * log (local at once, other instances' through the poller), the `upgrade`
 * handler serves `/v1/stream`, the effect relay carries out side effects
 * their writers left pending (events, webhook deliveries), the worker
 * delivers webhooks, and old events and claims are swept.
 */
export function startLive(server: Server, deps: LiveDeps, opts: LiveOptions = {}): Live {
  const onError = (what: string) => (err: unknown) => deps.logger.warn({ err }, what);
  const now = deps.now ?? (() => new Date());
  const hub = new StreamHub({ ...opts.hub, onClientCountChange: (n) => deps.metrics?.streamClients.set(n) });
  const unsubscribe = deps.events.onEvent((event) => hub.broadcast(event));
  const { maxReplay, maxReplaysPerPrincipal } = deps.config.limits?.stream ?? {};
  const stream = attachStreamServer(server, { hub, log: deps.events, auth: deps.auth, maxReplay, maxReplaysPerPrincipal, ...opts.stream, onError: onError('stream error') });
  const poller = opts.poller === false ? undefined : startEventPoller(deps.events, { onError: onError('event poll failed'), ...opts.poller });
  const stopRetention = startEventRetention(deps.store.models, { retentionHours: deps.config.eventRetentionHours, now, onError: onError('event retention sweep failed') });
  const lockSweep = setInterval(() => void pruneLocks(deps.store.conn, new Date(now().getTime() - 3_600_000)).catch(onError('lock sweep failed')), 600_000);
  lockSweep.unref();
  const effects = startEffectRelay({ store: deps.store, events: deps.events }, { onError: onError('effect relay failed'), ...opts.effects });
  const worker = opts.webhooks === false ? undefined : startWebhookWorker({ store: deps.store }, { now, retentionDays: deps.config.webhookRetentionDays, onError: onError('webhook delivery failed'), ...opts.webhooks });

  return {
    hub,
    stopAccepting: () => stream.close(),
    closeSockets: () => hub.closeAll(),
    async stop() {
      stream.close();
      unsubscribe();
      stopRetention();
      clearInterval(lockSweep);
      await Promise.all([poller?.stop(), effects.stop(), worker?.stop()]);
      await hub.closeAll();
      await deps.events.close();
    },
  };
}

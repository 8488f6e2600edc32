import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticate';
import type { Config } from '../config';
import { pruneLocks } from '../store/claims';
import type { EventLog } from '../events/event-log';
import { startEventPoller, type EventPollerOptions } from '../events/event-poller';
import { startEventRetention } from '../events/event-retention';
import type { Metrics } from '../metrics';
import { createSiteDirectory } from '../sites/site-directory';
import type { Store } from '../store/connect';
import { enqueueOnFinalStatus } from '../webhooks/enqueue';
import { startWebhookWorker, type WebhookWorkerOptions } from '../webhooks/webhook-worker';
import { attachStreamServer, type StreamServerOptions } from './stream-server';
import { StreamHub, type StreamHubOptions } from './stream-hub';

export interface LiveDeps {
  config: Readonly<Pick<Config, 'eventRetentionHours'>> & { limits?: Pick<Config['limits'], 'stream'> };
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
}

/** The live side of one instance, started next to the http server. */
export interface Live {
  hub: StreamHub;
  /** Refuses new stream connections (first step of shutdown). */
  stopAccepting(): void;
  /** Closes every stream socket with 1001. */
  closeSockets(): Promise<void>;
  /** Stops the poller, the webhook worker and the sweeps (before the store closes). */
  stop(): Promise<void>;
}

/**
 * Wires the live stream onto `server`: the hub receives every event of the
 * log (local at once, other instances' through the poller), the `upgrade`
 * handler serves `/v1/stream`, final statuses queue webhooks that the worker
 * delivers, and old events and claims are swept.
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
  const sites = createSiteDirectory(deps.store.models);
  const stopEnqueue = enqueueOnFinalStatus(deps.events, { models: deps.store.models, sites, now, onError: onError('could not queue a webhook') });
  const worker = opts.webhooks === false ? undefined : startWebhookWorker({ models: deps.store.models, conn: deps.store.conn }, { now, onError: onError('webhook delivery failed'), ...opts.webhooks });

  return {
    hub,
    stopAccepting: () => stream.close(),
    closeSockets: () => hub.closeAll(),
    async stop() {
      stream.close();
      unsubscribe();
      stopEnqueue();
      stopRetention();
      clearInterval(lockSweep);
      await Promise.all([poller?.stop(), worker?.stop()]);
      await hub.closeAll();
      await deps.events.close();
    },
  };
}

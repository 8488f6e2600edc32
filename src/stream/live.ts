import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticate';
import type { Config } from '../config';
import type { EventLog } from '../events/event-log';
import type { Metrics } from '../metrics';
import { attachStreamServer, type StreamServerOptions } from './stream-server';
import { StreamHub, type StreamHubOptions } from './stream-hub';

export interface LiveDeps {
  config: { limits?: Pick<Config['limits'], 'stream'> };
  auth: Authenticator;
  events: EventLog;
  logger: Logger;
  metrics?: Metrics;
}

/** Options of the stream (tests shorten heartbeats and revalidation). */
export interface LiveOptions {
  hub?: StreamHubOptions;
  stream?: Pick<StreamServerOptions, 'replayOverlapMs' | 'maxReplay' | 'revalidateMs' | 'maxReplaysPerPrincipal'>;
}

/** The live stream of one instance, attached to its http server. */
export interface Live {
  hub: StreamHub;
  /** Refuses new stream connections (first step of shutdown). */
  stopAccepting(): void;
  /** Closes every stream socket with 1001. */
  closeSockets(): Promise<void>;
  /** Refuses new connections, stops broadcasting and closes every socket. */
  stop(): Promise<void>;
}

/**
 * Attaches the live stream to `server`: the hub receives every event of the log (local at
 * once, other instances' through the event poller, a job of src/service/jobs.ts) and the
 * `upgrade` handler serves `/v1/stream`. Background jobs are not started here: the service
 * starts and stops them all in one place.
 */
export function attachLive(server: Server, deps: LiveDeps, opts: LiveOptions = {}): Live {
  const hub = new StreamHub({ ...opts.hub, onClientCountChange: (n) => deps.metrics?.streamClients.set(n) });
  const unsubscribe = deps.events.onEvent((event) => hub.broadcast(event));
  const { maxReplay, maxReplaysPerPrincipal } = deps.config.limits?.stream ?? {};
  const stream = attachStreamServer(server, {
    hub,
    log: deps.events,
    auth: deps.auth,
    maxReplay,
    maxReplaysPerPrincipal,
    ...opts.stream,
    onError: (err) => deps.logger.warn({ err }, 'stream error'),
  });
  return {
    hub,
    stopAccepting: () => stream.close(),
    closeSockets: () => hub.closeAll(),
    async stop() {
      stream.close();
      unsubscribe();
      await hub.closeAll();
    },
  };
}

import type http from 'node:http';
import type { Live } from '../stream/live';

/** An http server the service serves on, with its stream; `drain()` is the first half of shutdown. */
export interface AttachedServer {
  server: http.Server;
  live: Live;
  /**
   * Stops accepting (HTTP and stream), lets in-flight requests finish, closes the stream
   * sockets (1001) and, past `graceMs`, cuts the connections that are left.
   */
  drain(): Promise<void>;
}

/** Makes `server` drainable: while draining, each answer closes its connection. */
export function drainable(server: http.Server, live: Live, graceMs: number): AttachedServer {
  let draining = false;
  // keep-alive clients under load would otherwise keep the drain open forever
  server.prependListener('request', (_req, res: http.ServerResponse) => {
    if (draining) res.shouldKeepAlive = false;
  });
  return {
    server,
    live,
    async drain() {
      live.stopAccepting();
      draining = true;
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // a request that never ends must not keep the process alive: past the grace period, cut what is left
      const grace = setTimeout(() => server.closeAllConnections(), graceMs);
      grace.unref();
      // upgraded stream sockets count as open connections: close them or the drain never ends
      await live.closeSockets();
      await drained;
      clearTimeout(grace);
      await live.stop();
    },
  };
}

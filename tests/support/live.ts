import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createLogger } from '../../src/logger';
import { startLive, type Live, type LiveOptions } from '../../src/stream/live';
import { buildTestApp, type TestApp } from './app';

/** A real service instance: the app on a real http server on 127.0.0.1, with the live stream attached. */
export interface LiveInstance extends TestApp {
  server: http.Server;
  live: Live;
  url: string;
  wsUrl: string;
  /** POSTs a comment with a site token; returns the response body. */
  submit(siteToken: string, body: Record<string, unknown>): Promise<Record<string, unknown> & { id: string; status: string }>;
}

/**
 * Starts an instance on its own database, or on `dbName` to share one store
 * with another instance (the two-instance tests), on `port` to stand in for a
 * restarted service (`mongoUrl`: a store of the test's own, e.g. one it kills).
 * Test timings are short by default.
 */
export async function startLiveInstance(opts: { label?: string; dbName?: string; port?: number; live?: LiveOptions; env?: Record<string, string>; mongoUrl?: string } = {}): Promise<LiveInstance> {
  const t = await buildTestApp({ label: opts.label ?? 'live', ...(opts.dbName ? { dbName: opts.dbName } : {}), ...(opts.env ? { env: opts.env } : {}), ...(opts.mongoUrl ? { mongoUrl: opts.mongoUrl } : {}) });
  const server = http.createServer(t.app);
  const live = startLive(server, { config: t.config, store: t.store, auth: t.auth, events: t.events, logger: createLogger('silent'), metrics: t.metrics }, {
    poller: { intervalMs: 50 },
    webhooks: false,
    ...opts.live,
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    ...t,
    server,
    live,
    url,
    wsUrl: `ws://127.0.0.1:${port}/v1/stream`,
    async submit(siteToken, body) {
      const res = await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${siteToken}`).send(body);
      if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async close() {
      await stopServing(server, live);
      await t.close();
    },
  };
}

/** Stops a test server in the service's order: no new sockets, close the stream's, stop the stream, close HTTP. */
export async function stopServing(server: http.Server, live: Live): Promise<void> {
  live.stopAccepting();
  await live.closeSockets();
  await live.stop();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

import type http from 'node:http';
import request from 'supertest';
import type { Live } from '../../src/stream/live';
import { buildTestApp, type TestApp, type TestAppOptions } from './app';

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
 * Starts an instance (the test service of `buildTestApp`, listening) on its own database, or on
 * `dbName` to share one store with another instance (the two-instance tests), on `port` to stand
 * in for a restarted service. Test timings are short by default.
 */
export async function startLiveInstance(opts: TestAppOptions & { port?: number } = {}): Promise<LiveInstance> {
  const t = await buildTestApp({ ...opts, label: opts.label ?? 'live' });
  const url = await t.service.listen({ port: opts.port ?? 0, host: '127.0.0.1' }).catch(async (err: unknown) => {
    await t.close();
    throw err;
  });
  return {
    ...t,
    server: t.service.server as http.Server,
    live: t.service.live as Live,
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/v1/stream`,
    async submit(siteToken, body) {
      const res = await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${siteToken}`).send(body);
      if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
  };
}

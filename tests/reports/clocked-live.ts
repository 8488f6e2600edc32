import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createLogger } from '../../src/logger';
import { startLive, type Live } from '../../src/stream/live';
import { buildTestApp, type TestApp } from '../support/app';
import { stopServing } from '../support/live';

/** A real instance (http server + live stream) whose clock the test moves: `t.clock.now = …`. */
export interface ClockedInstance extends TestApp {
  live: Live;
  wsUrl: string;
  submit(siteToken: string, body: Record<string, unknown>): Promise<{ id: string; status: string; reasons: { ruleId: string; message: string; category: string }[] }>;
  report(siteToken: string, commentId: string, body: Record<string, unknown>): request.Test;
  /** Moves the clock forward. */
  advance(ms: number): void;
}

/** Starts the app on its own database with a fixed clock at `start`, on 127.0.0.1, with the live stream (no webhook worker). */
export async function startClockedInstance(label: string, start = new Date('2025-05-05T01:00:00Z')): Promise<ClockedInstance> {
  const t = await buildTestApp({ label, clock: start });
  const server = http.createServer(t.app);
  const live = startLive(server, { config: t.config, store: t.store, auth: t.auth, events: t.events, logger: createLogger('silent'), metrics: t.metrics, now: () => t.clock.now }, { poller: false, webhooks: false });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...t,
    live,
    wsUrl: `ws://127.0.0.1:${port}/v1/stream`,
    async submit(token, body) {
      const res = await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${token}`).send(body);
      if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    report: (token, id, body) => request(t.app).post(`/v1/comments/${id}/reports`).set('Authorization', `Bearer ${token}`).send(body),
    advance(ms) {
      t.clock.now = new Date(t.clock.now.getTime() + ms);
    },
    async close() {
      await stopServing(server, live);
      await t.close();
    },
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

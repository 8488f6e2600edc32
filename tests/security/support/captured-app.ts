import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import { createApp } from '../../../src/http/app';
import { createLogger } from '../../../src/logger';
import { startLive, type Live } from '../../../src/stream/live';
import { buildTestApp, type TestApp } from '../../support/app';
import { stopServing } from '../../support/live';

/** A real app (HTTP + stream) whose logs at `level` are captured line by line. */
export interface CapturedApp {
  t: TestApp;
  app: Express;
  url: string;
  lines: string[];
  close(): Promise<void>;
}

/** Builds the app like server.ts does, with a pino destination that keeps every line. */
export async function startCapturedApp(level: string, env: Record<string, string> = {}): Promise<CapturedApp> {
  const t = await buildTestApp({ label: 'logs', env });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger(level, sink);
  const app = createApp({ config: t.config, store: t.store, rules: t.rules, logger, metrics: t.metrics, auth: t.auth, events: t.events, now: () => new Date() });
  const server = http.createServer(app);
  const live: Live = startLive(server, { config: t.config, store: t.store, auth: t.auth, events: t.events, logger, metrics: t.metrics }, { webhooks: false, poller: false });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    t,
    app,
    url,
    lines,
    async close() {
      await stopServing(server, live);
      await t.close();
    },
  };
}

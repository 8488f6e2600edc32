import { Writable } from 'node:stream';
import type { Express } from 'express';
import { createLogger } from '../../../src/logger';
import type { TestApp } from '../../support/app';
import { startLiveInstance } from '../../support/live';

/** A real app (HTTP + stream) whose logs at `level` are captured line by line. */
export interface CapturedApp {
  t: TestApp;
  app: Express;
  url: string;
  lines: string[];
  close(): Promise<void>;
}

/** Starts the test service (listening, with the stream) with a pino destination that keeps every line. */
export async function startCapturedApp(level: string, env: Record<string, string> = {}): Promise<CapturedApp> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const t = await startLiveInstance({ label: 'logs', env, logger: createLogger(level, sink), jobs: { eventPoller: false } });
  return { t, app: t.app, url: t.url, lines, close: () => t.close() };
}

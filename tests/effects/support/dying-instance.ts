import type { Express } from 'express';
import { EventLog } from '../../../src/events/event-log';
import { createApp } from '../../../src/http/app';
import { createLogger } from '../../../src/logger';
import { createMetrics } from '../../../src/metrics';
import { connectStore } from '../../../src/store/connect';
import { testMongoUrl } from '../../support/db';
import type { TestApp } from '../../support/app';

/**
 * An instance that stores comments and then dies before their side effects go
 * out: its app writes through the shared store, but its event log sits on a
 * second connection that is already closed (a real driver failure, as when the
 * process is killed right after the insert). Whatever it acknowledges is left
 * with its effects pending, for the effect relay or a retry to find.
 */
export async function startDyingInstance(t: TestApp): Promise<{ app: Express; close(): Promise<void> }> {
  const deadConn = await connectStore(testMongoUrl(), { dbName: t.dbName });
  const deadEvents = new EventLog(deadConn.models);
  await deadConn.close();
  const app = createApp({ config: t.config, store: t.store, rules: t.rules, logger: createLogger('silent'), metrics: createMetrics(), auth: t.auth, events: deadEvents, now: () => new Date() });
  return { app, close: () => deadEvents.close().catch(() => undefined) };
}

import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { testMongoUrl } from '../support/db';
import { ADMIN_TOKEN } from '../support/app';
import { TestSocket } from '../support/ws';
import { buildServer, spawnServer, type SpawnedServer } from './support/spawned-server';
import { startSubmissionLoad, until } from './support/submission-load';

/**
 * The real server as a child process (`node server.js`), under load from 20
 * clients with moderators connected, gets SIGTERM: whatever it took in is
 * answered, stream sockets close with 1001, and it exits 0.
 */
describe('when the server gets SIGTERM under load', () => {
  let entry: string;
  let dbUrl: string;
  let srv: SpawnedServer;
  let conn: mongoose.Connection;

  beforeAll(async () => {
    entry = buildServer();
    const url = new URL(testMongoUrl());
    url.pathname = `/saring_shutdown_${randomBytes(4).toString('hex')}`;
    dbUrl = url.toString();
    conn = await mongoose.createConnection(dbUrl).asPromise();
    srv = await spawnServer(entry, { MONGO_URL: dbUrl, SARING_ADMIN_TOKEN: ADMIN_TOKEN, SARING_WATCH_RULES: 'false', LOG_LEVEL: 'info', SARING_RATE_TOKEN_PER_SEC: '0', SARING_RATE_AUTHOR_PER_MIN: '0' });
  }, 300_000);
  afterAll(async () => {
    if (srv.child.exitCode === null) srv.child.kill('SIGKILL');
    await conn.close(); // the database stays: see closeTestDb in tests/support/db.ts
  });

  it('then in-flight requests complete, sockets close with 1001, and it exits 0', async () => {
    const admin = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
    const site = await fetch(`${srv.url}/v1/sites`, { method: 'POST', headers: admin, body: JSON.stringify({ id: 'shutdown-site', name: 'Shutdown' }) });
    const { token } = (await site.json()) as { token: string };
    const wsUrl = `${srv.url.replace('http', 'ws')}/v1/stream`;
    const sockets = await Promise.all([1, 2, 3].map(() => TestSocket.open(wsUrl, { token: ADMIN_TOKEN })));

    let signalled = false;
    let answeredAfterSignal = 0;
    const load = startSubmissionLoad({ url: srv.url, token, clients: 20, total: 5_000, onAnswer: () => void (signalled && answeredAfterSignal++) });
    await until(() => load.stats.count(201) >= 200, '200 comments before the signal');
    srv.child.kill('SIGTERM');
    signalled = true;
    await until(() => srv.child.exitCode !== null || srv.child.signalCode !== null, 'the process to exit', 20_000).catch((err: Error) => {
      throw new Error(`${err.message}; its last log lines:\n${srv.lines.slice(-8).join('\n')}`);
    });
    const exit = await srv.exited;
    load.stop();
    const stats = await load.done;

    expect(exit).toEqual({ code: 0, signal: null });
    for (const s of sockets) expect((await s.waitClosed()).code).toBe(1001);
    expect(answeredAfterSignal).toBeGreaterThan(0); // there were requests in flight, and they got their answer
    expect([...stats.byStatus.keys()].filter((s) => s !== 0 && s !== 201)).toEqual([]);
    expect(stats.hangs).toBe(0);

    // a request the server took in was answered: nothing is stored for a client that saw a dropped connection
    const failed = stats.attempted.filter((a) => a.statuses.includes(0)).map((a) => a.externalId);
    const answered = stats.attempted.filter((a) => a.statuses.includes(201)).map((a) => a.externalId);
    const comments = conn.collection('comments');
    expect(await comments.countDocuments({ siteId: 'shutdown-site', externalId: { $in: failed } })).toBe(0);
    expect(await comments.countDocuments({ siteId: 'shutdown-site', externalId: { $in: answered } })).toBe(answered.length);
    expect(srv.lines.some((l) => l.includes('shut down cleanly'))).toBe(true);
  }, 60_000);
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventLog } from '../../src/events/event-log';
import type { SaringEvent } from '../../src/events/types';
import { attachStreamServer, type StreamServer } from '../../src/stream/stream-server';
import { StreamHub } from '../../src/stream/stream-hub';
import { buildTestApp, createPrincipal, createSite, type TestApp } from '../support/app';
import { refusedUpgrade, TestSocket } from '../support/ws';

/** A stream endpoint on a real http server, on the given event log (possibly a slow one). */
async function serveStream(t: TestApp, log: EventLog, opts: { maxReplay?: number; maxReplaysPerPrincipal?: number } = {}) {
  const server = http.createServer();
  const hub = new StreamHub();
  const off = log.onEvent((e) => hub.broadcast(e));
  const stream: StreamServer = attachStreamServer(server, { hub, log, auth: t.auth, ...opts });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/v1/stream`,
    async close() {
      off();
      stream.close();
      await hub.closeAll();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

describe('since= replay is bounded and per site', () => {
  let t: TestApp;
  let small: string;
  let big: string;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'replay-harden' });
    await createSite(t.app, 'replay-big');
    await createSite(t.app, 'replay-small');
    small = await createPrincipal(t.app, 'moderator', ['replay-small']);
    big = await createPrincipal(t.app, 'moderator', ['replay-big']);
  });
  afterAll(() => t.close());

  it('when a big site has more events than the replay cap (regression: truncated, and none of the small site\'s), then the small site\'s moderator gets all of its own', async () => {
    const log = new EventLog(t.store.models);
    for (let i = 0; i < 120; i++) await log.publish('comment.created', { id: `big-${i}`, status: 'pending' } as never, 'replay-big');
    await log.publish('rules.reloaded', { id: 'rules' } as never);
    for (let i = 0; i < 3; i++) await log.publish('comment.created', { id: `small-${i}`, status: 'pending' } as never, 'replay-small');
    await log.stored();
    const s = await serveStream(t, log, { maxReplay: 50 });
    try {
      const socket = await TestSocket.open(`${s.url}?since=0`, { token: small });
      const done = await socket.waitFor((f) => f.type === 'replayed');
      expect(done).toMatchObject({ count: 4, truncated: false });
      expect(socket.events.map((e) => (e.data as { id: string }).id)).toEqual(['rules', 'small-0', 'small-1', 'small-2']);
      socket.close();
    } finally {
      await s.close();
      await log.close();
    }
  });

  it('when another site gets comments (regression: hello.seq moved with them), then hello tells nothing about them', async () => {
    const future = new EventLog(t.store.models, { now: () => new Date(Date.now() + 3_600_000) });
    const s = await serveStream(t, future);
    try {
      await future.publish('comment.created', { id: 'elsewhere', status: 'pending' } as never, 'replay-big');
      const socket = await TestSocket.open(s.url, { token: small });
      const hello = socket.frames[0] as { seq: number };
      expect(hello.seq).toBeLessThan((Date.now() + 60_000) * 1000);
      socket.close();
    } finally {
      await s.close();
      await future.close();
    }
  });

  it('when one moderator opens more concurrent replays than allowed (regression: 10 replays stalled intake), then the extra one is refused with 429 while others go on', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const slow = new EventLog(t.store.models);
    const readSince = slow.readSince.bind(slow);
    slow.readSince = async (...args: Parameters<EventLog['readSince']>): Promise<SaringEvent[]> => {
      await gate;
      return readSince(...args);
    };
    const s = await serveStream(t, slow, { maxReplaysPerPrincipal: 2 });
    try {
      const first = await TestSocket.open(`${s.url}?since=0`, { token: big });
      const second = await TestSocket.open(`${s.url}?since=0`, { token: big });
      const refused = await refusedUpgrade(`${s.url}?since=0`, { Authorization: `Bearer ${big}` });
      expect(refused.status).toBe(429);
      expect(refused.body.error?.code).toBe('rate_limited');
      const other = await TestSocket.open(`${s.url}?since=0`, { token: small });
      const live = await TestSocket.open(s.url, { token: big });
      release();
      await Promise.all([first, second, other].map((sock) => sock.waitFor((f) => f.type === 'replayed')));
      const again = await TestSocket.open(`${s.url}?since=0`, { token: big });
      await again.waitFor((f) => f.type === 'replayed');
      for (const sock of [first, second, other, live, again]) sock.close();
    } finally {
      release();
      await s.close();
      await slow.close();
    }
  });
});

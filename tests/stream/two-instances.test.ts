import request from 'supertest';
import { createPrincipal, createSite } from '../support/app';
import { aHeldComment } from '../support/held';
import { startLiveInstance, type LiveInstance } from '../support/live';
import { TestSocket } from '../support/ws';

describe('two service instances on one store', () => {
  let a: LiveInstance;
  let b: LiveInstance;
  let site: string;
  let mod: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    a = await startLiveInstance({ label: 'two_a' });
    b = await startLiveInstance({ dbName: a.dbName });
    site = (await createSite(a.app, 'site-a')).token;
    mod = await createPrincipal(a.app, 'moderator', ['site-a']);
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('when a comment is submitted to A, then a moderator connected to B receives it, once', async () => {
    const onB = await TestSocket.open(b.wsUrl, { token: mod });
    sockets.push(onB);
    const c = await a.submit(site, aHeldComment());
    const frame = await onB.waitFor((f) => f.type === 'comment.created' && f.data?.id === c.id, 3000);
    expect(frame.data).toMatchObject({ id: c.id, siteId: 'site-a', status: 'pending' });
    const marker = await a.submit(site, aHeldComment());
    await onB.waitFor((f) => f.data?.id === marker.id, 3000);
    expect(onB.events.filter((f) => f.data?.id === c.id)).toHaveLength(1);
  });

  it('when a moderator decides on B, then A serves the new status and A\'s sockets get comment.decided', async () => {
    const onA = await TestSocket.open(a.wsUrl, { token: mod });
    sockets.push(onA);
    const c = await a.submit(site, aHeldComment());
    const res = await request(b.app).post(`/v1/comments/${c.id}/decision`).set('Authorization', `Bearer ${mod}`).send({ status: 'approved', note: 'konteks bercanda' });
    expect(res.status).toBe(200);
    const decided = await onA.waitFor((f) => f.type === 'comment.decided' && f.data?.id === c.id, 3000);
    expect(decided.data).toMatchObject({ status: 'approved', previousStatus: 'pending', decision: { note: 'konteks bercanda', action: 'approve' } });
    const onAView = await request(a.app).get(`/v1/comments/${c.id}`).set('Authorization', `Bearer ${mod}`);
    expect(onAView.body).toMatchObject({ status: 'approved', revision: 1 });
  });

  it('when a moderator was away from B, then resuming on B with since= replays what A took meanwhile', async () => {
    const first = await TestSocket.open(b.wsUrl, { token: mod });
    const hello = first.frames[0]!;
    first.close();
    const missed = await a.submit(site, aHeldComment());
    const again = await TestSocket.open(`${b.wsUrl}?since=${String(hello.seq)}`, { token: mod });
    sockets.push(again);
    await again.waitFor((f) => f.data?.id === missed.id, 3000);
  });
});

describe('an instance that falls behind another one', () => {
  it('when more events arrive than the stream relay holds between two polls, then the poller reads the gap from events, in order', async () => {
    const a = await startLiveInstance({ label: 'gap_a', jobs: { eventPoller: false } });
    const b = await startLiveInstance({ dbName: a.dbName, jobs: { eventPoller: { intervalMs: 400 } } });
    try {
      await createSite(a.app, 'site-a');
      const mod = await createPrincipal(a.app, 'moderator', ['site-a']);
      const onB = await TestSocket.open(b.wsUrl, { token: mod });
      await a.events.publish('comment.overdue', { id: 'warm-up', status: 'pending' } as never, 'site-a');
      await onB.waitFor((f) => f.data?.id === 'warm-up', 3000);
      a.events.streamRelay.keep = 2;
      for (let i = 0; i < 12; i += 1) await a.events.publish('comment.overdue', { id: `late-${i}`, status: 'pending' } as never, 'site-a');
      await onB.waitFor((f) => f.data?.id === 'late-11', 3000);
      expect(onB.events.map((f) => f.data?.id).filter((id) => String(id).startsWith('late-'))).toEqual(Array.from({ length: 12 }, (_, i) => `late-${i}`));
      onB.close();
    } finally {
      await b.close();
      await a.close();
    }
  });
});

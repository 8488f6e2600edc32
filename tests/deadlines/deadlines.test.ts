import request from 'supertest';
import { sweepOverdue } from '../../src/deadlines/overdue-sweeper';
import { claimKeys, claimLock, releaseLock } from '../../src/store/claims';
import { effectsMarkedDone } from '../support/wait';
import { createLogger } from '../../src/logger';
import { aComment, createPrincipal, createSite } from '../support/app';
import { aHeldComment } from '../support/held';
import { TestSocket } from '../support/ws';
import { DAY, HOUR, startClockedInstance, type ClockedInstance } from '../reports/clocked-live';

describe('take-down deadlines', () => {
  let t: ClockedInstance;
  let site: string;
  let fast: string;
  let mod: string;
  beforeAll(async () => {
    t = await startClockedInstance('deadlines');
    site = (await createSite(t.app, 'site-d', { policy: { preModeration: true } })).token;
    fast = (await createSite(t.app, 'site-fast', { policy: { preModeration: true, dueHours: 12, urgentDueHours: 2 } })).token;
    mod = await createPrincipal(t.app, 'moderator', ['site-d', 'site-fast']);
  });
  afterAll(() => t.close());

  const sweeper = () => ({ store: t.store, events: t.events, metrics: t.metrics, logger: createLogger('silent'), now: () => t.clock.now });
  const stored = (id: string) => t.store.models.Comment.findById(id).lean();
  const queue = (q: string) => request(t.app).get(`/v1/comments?${q}`).set('Authorization', `Bearer ${mod}`);

  it.each([
    { name: 'a held comment', token: () => site, body: () => aComment(), hours: 24, urgent: false },
    { name: 'a held threat (urgent class)', token: () => site, body: () => aHeldComment(), hours: 4, urgent: true },
    { name: 'a held comment on a site with a 12 h policy', token: () => fast, body: () => aComment(), hours: 12, urgent: false },
    { name: 'a held threat on a site with a 2 h urgent policy', token: () => fast, body: () => aHeldComment(), hours: 2, urgent: true },
  ])('when $name arrives, then it is due in $hours h', async ({ token, body, hours, urgent }) => {
    const c = await t.submit(token(), body());
    expect(c.status).toBe('pending');
    const doc = await stored(c.id);
    expect(doc?.dueAt?.getTime()).toBe(t.clock.now.getTime() + hours * HOUR);
    expect(!!doc?.urgent).toBe(urgent);
  });

  it('when the held queue is read sorted by due time, then the soonest deadline comes first and the cursor pages through', async () => {
    const late = await t.submit(site, aComment());
    t.advance(1000);
    const urgent = await t.submit(site, aHeldComment());
    const page1 = await queue('queue=held&sort=due&siteId=site-d&limit=1');
    expect(page1.status).toBe(200);
    const seen: string[] = page1.body.items.map((i: { id: string }) => i.id);
    let cursor = page1.body.nextCursor;
    while (cursor) {
      const next = await queue(`queue=held&sort=due&siteId=site-d&limit=2&cursor=${cursor}`);
      seen.push(...next.body.items.map((i: { id: string }) => i.id));
      cursor = next.body.nextCursor;
    }
    expect(seen.indexOf(urgent.id)).toBeLessThan(seen.indexOf(late.id));
    const dues = await Promise.all(seen.map(async (id) => (await stored(id))!.dueAt!.getTime()));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(page1.body.items[0]).toEqual(expect.objectContaining({ msLeft: expect.any(Number), overdue: false }));
  });

  it('when a due comment is busy during a sweep (another writer holds its revision), then the next sweep still tells it (regression: the overdue marker stayed taken for a minute)', async () => {
    const c = await t.submit(site, aHeldComment());
    await effectsMarkedDone(t.store, c.id);
    const doc = await stored(c.id);
    t.advance(4 * HOUR + 1);
    const busy = claimKeys.commentRevision(c.id, doc!.revision);
    expect(await claimLock(t.store.conn, busy, { owner: 'another-writer', staleMs: 60_000 })).toBe(true);
    try {
      await sweepOverdue(sweeper());
      expect((await stored(c.id))?.overdueNotifiedAt).toBeUndefined();
    } finally {
      await releaseLock(t.store.conn, busy);
    }
    await sweepOverdue(sweeper());
    expect((await stored(c.id))?.overdueNotifiedAt?.getTime()).toBe(t.clock.now.getTime());
  });

  it('when the clock passes a deadline, then comment.overdue is streamed once and the overdue metric counts it', async () => {
    const ws = await TestSocket.open(t.wsUrl, { token: mod });
    try {
      await sweepOverdue(sweeper());
      const c = await t.submit(site, aHeldComment());
      expect(await sweepOverdue(sweeper())).toBe(0);
      t.advance(4 * HOUR + 1);
      const marked = await sweepOverdue(sweeper());
      expect(marked).toBeGreaterThanOrEqual(1);
      const event = await ws.waitFor((f) => f.type === 'comment.overdue' && f.data?.id === c.id);
      expect(event.data).toMatchObject({ status: 'pending', urgent: true, overdueMs: 1 });
      expect(await sweepOverdue(sweeper())).toBe(0);
      expect((await stored(c.id))?.overdueNotifiedAt?.getTime()).toBe(t.clock.now.getTime());
      const metrics = await t.metrics.registry.getSingleMetricAsString('saring_comments_overdue_total');
      expect(metrics).toMatch(/saring_comments_overdue_total\{site="site-d"\} [1-9]/);
      const reported = await queue('queue=held&sort=due&siteId=site-d');
      expect(reported.body.items.find((i: { id: string }) => i.id === c.id)).toMatchObject({ overdue: true });
      expect(ws.events.filter((f) => f.type === 'comment.overdue' && f.data?.id === c.id)).toHaveLength(1);
    } finally {
      ws.close();
    }
  });

  it('when two sweepers run at once, then each overdue comment is announced exactly once', async () => {
    const c = await t.submit(site, aComment());
    t.advance(DAY + 1);
    const seen: unknown[] = [];
    const off = t.events.onEvent((e) => e.type === 'comment.overdue' && e.data.id === c.id && seen.push(e));
    await Promise.all([sweepOverdue(sweeper()), sweepOverdue(sweeper()), sweepOverdue(sweeper())]);
    off();
    expect(seen).toHaveLength(1);
  });

  it('when a moderator decides a held comment, then its deadline is cleared and it never goes overdue', async () => {
    const c = await t.submit(site, aComment());
    await request(t.app).post(`/v1/comments/${c.id}/decision`).set('Authorization', `Bearer ${mod}`).send({ status: 'approved' }).expect(200);
    const doc = await stored(c.id);
    expect(doc?.dueAt).toBeUndefined();
    t.advance(2 * DAY);
    const seen: unknown[] = [];
    const off = t.events.onEvent((e) => e.type === 'comment.overdue' && e.data.id === c.id && seen.push(e));
    await sweepOverdue(sweeper());
    off();
    expect(seen).toHaveLength(0);
  });

  it('when the queue query is malformed, then it gets 422', async () => {
    expect((await queue('queue=everything&sort=due')).status).toBe(422);
    expect((await queue('queue=held&sort=newest')).status).toBe(422);
  });
});

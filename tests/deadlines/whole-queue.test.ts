import request from 'supertest';
import { aComment, createPrincipal, createSite } from '../support/app';
import { aHeldComment } from '../support/held';
import { HOUR, startClockedInstance, type ClockedInstance } from '../reports/clocked-live';

/**
 * The moderator's queue is the whole queue: held and reported comments in due
 * order with a stable tie-break, every one reachable through the cursor, with
 * exact counts per category and site from the server (the page counted only
 * the newest 200 it had loaded).
 */
describe('the whole queue (queue=all)', () => {
  let t: ClockedInstance;
  let site: string;
  let other: string;
  let mod: string;
  const ids: string[] = [];
  let urgentId: string;
  let reportedId: string;

  beforeAll(async () => {
    t = await startClockedInstance('whole_queue');
    site = (await createSite(t.app, 'site-q', { policy: { preModeration: true } })).token;
    other = (await createSite(t.app, 'site-o', { policy: { preModeration: true } })).token;
    mod = await createPrincipal(t.app, 'moderator', ['site-q', 'site-o']);
    // 30 comments held at one instant: equal deadlines, only the tie-break orders them
    for (let i = 0; i < 30; i += 1) ids.push((await t.submit(site, aComment({ articleId: i % 2 ? 'a-odd' : 'a-even', author: { id: `r-${i}`, name: `R ${i}` } }))).id);
    await t.submit(other, aComment({ author: { id: 'o-1', name: 'O' } }));
    t.clock.now = new Date(t.clock.now.getTime() + HOUR);
    urgentId = (await t.submit(site, aHeldComment({ author: { id: 'u-1', name: 'U' } }))).id;
  }, 120_000);
  afterAll(() => t.close());

  const queue = (q: string) => request(t.app).get(`/v1/comments?${q}`).set('Authorization', `Bearer ${mod}`);

  it('when the whole queue is paged through, then every comment comes exactly once, most urgent first, equal deadlines by id', async () => {
    const seen: { id: string; dueAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const res = await queue(`queue=all&sort=due&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(32);
    expect(new Set(seen.map((c) => c.id)).size).toBe(32);
    expect(seen[0]!.id).toBe(urgentId);
    const tied = seen.filter((c) => ids.includes(c.id)).map((c) => c.id);
    expect(tied).toEqual([...ids].sort());
  });

  it('when counts are asked, then they are exact for the whole queue, per category and per site, whatever the page size', async () => {
    const res = await queue('queue=all&sort=due&limit=1&counts=true');
    expect(res.body.items).toHaveLength(1);
    expect(res.body.counts).toMatchObject({ total: 32, held: 32, reported: 0, overdue: 0 });
    expect(res.body.counts.bySite).toEqual([
      { siteId: 'site-q', count: 31 },
      { siteId: 'site-o', count: 1 },
    ]);
    const cats = Object.fromEntries(res.body.counts.byCategory.map((c: { category: string; count: number }) => [c.category, c.count]));
    expect(cats.none).toBe(31);
    expect(Object.keys(cats).length).toBeGreaterThan(1);
  });

  it('when filtered by site, article or category, then the list and the counts follow the filter', async () => {
    const bySite = await queue('queue=all&sort=due&siteId=site-o&counts=true');
    expect(bySite.body.items).toHaveLength(1);
    expect(bySite.body.counts.total).toBe(1);
    const byArticle = await queue('queue=all&sort=due&siteId=site-q&articleId=a-odd&counts=true&limit=200');
    expect(byArticle.body.items).toHaveLength(15);
    expect(byArticle.body.counts.total).toBe(15);
    const none = await queue('queue=all&sort=due&category=none&limit=200');
    expect(none.body.items).toHaveLength(31);
    const urgent = await queue('queue=all&sort=due&limit=200&category=' + encodeURIComponent((await request(t.app).get(`/v1/comments/${urgentId}`).set('Authorization', `Bearer ${mod}`)).body.reasons[0].category));
    expect(urgent.body.items.map((c: { id: string }) => c.id)).toEqual([urgentId]);
  });

  it('when a held comment is reported, then it is counted once, as reported, and the held queue no longer lists it', async () => {
    reportedId = ids[3]!;
    await request(t.app).post(`/v1/comments/${reportedId}/reports`).set('Authorization', `Bearer ${site}`).send({ reporterId: 'x-1', reason: 'other' }).expect(201);
    const all = await queue('queue=all&sort=due&counts=true&limit=200');
    expect(all.body.counts).toMatchObject({ total: 32, held: 31, reported: 1 });
    expect(all.body.items.filter((c: { id: string }) => c.id === reportedId)).toHaveLength(1);
    const held = await queue('queue=held&sort=due&limit=200');
    expect(held.body.items.some((c: { id: string }) => c.id === reportedId)).toBe(false);
  });
});

import request from 'supertest';
import { summarizeDurations } from '../../src/compliance/percentiles';
import { ADMIN_TOKEN, aComment, createPrincipal, createSite } from '../support/app';
import { aHeldComment } from '../support/held';
import { HOUR, startClockedInstance, type ClockedInstance } from '../reports/clocked-live';

const START = new Date('2025-05-05T01:00:00Z'); // 08:00 WIB
const FROM = '2025-05-04T17:00:00Z'; // 00:00 WIB
const TO = '2025-05-05T17:00:00Z';

describe('GET /v1/reports/compliance', () => {
  let t: ClockedInstance;
  let site: string;
  let mod: string;
  let otherMod: string;
  beforeAll(async () => {
    t = await startClockedInstance('compliance', START);
    site = (await createSite(t.app, 'site-c')).token;
    const other = (await createSite(t.app, 'site-noise')).token;
    mod = await createPrincipal(t.app, 'moderator', ['site-c']);
    otherMod = await createPrincipal(t.app, 'moderator', ['site-noise']);
    const decide = (id: string, status: string) => request(t.app).post(`/v1/comments/${id}/decision`).set('Authorization', `Bearer ${mod}`).send({ status }).expect(200);

    // seeded day (all times from 08:00 WIB): 2 published, 1 gambling rejected, 3 held threats (urgent, due 4 h), 1 reported and withdrawn
    await t.submit(site, aComment());
    await t.submit(site, aComment());
    await t.submit(site, aComment({ text: 'slot gacor maxwin depo pulsa tanpa potongan di pulau777' }));
    const heldFast = await t.submit(site, aHeldComment());
    const heldLate = await t.submit(site, aHeldComment());
    await t.submit(site, aHeldComment()); // never decided: open past due at 14:00
    const reported = await t.submit(site, aComment());
    await t.report(site, reported.id, { reporterId: 'pembaca', reason: 'susila.explicit' }).expect(201);
    await t.submit(other, aComment()); // another site: not counted
    t.advance(1 * HOUR);
    await decide(heldFast.id, 'approved'); // 1 h
    t.advance(1 * HOUR);
    await decide(reported.id, 'rejected'); // 2 h after the report
    t.advance(3 * HOUR);
    await decide(heldLate.id, 'rejected'); // 5 h: one hour late
    t.advance(1 * HOUR); // now 14:00 WIB
  });
  afterAll(() => t.close());

  const get = (query: string, token = mod, accept = 'application/json') => request(t.app).get(`/v1/reports/compliance?${query}`).set('Authorization', `Bearer ${token}`).set('Accept', accept);

  it('when a moderator asks for the seeded day, then decisions by action and category, reports, response times and overdue counts match', async () => {
    const res = await get(`siteId=site-c&from=${FROM}&to=${TO}`);
    expect(res.status).toBe(200);
    expect(res.body.decisions).toEqual({
      total: 7,
      byAction: { approve: 3, reject: 3, review: 1 },
      byCategory: { none: 3, 'judi.promo': 1, 'ancaman.violence': 3 },
      // decided in May 2025: the UU ITE citations in force then
      byLegalBasis: [
        { category: 'ancaman.violence', legalBasis: expect.stringMatching(/^UU ITE Pasal 29 jo\. Pasal 45B/), count: 3 },
        { category: 'judi.promo', legalBasis: expect.stringMatching(/^UU ITE Pasal 27 ayat \(2\) jo\. Pasal 45 ayat \(3\)/), count: expect.any(Number) },
      ],
      byDecider: { automatic: 4, moderator: 3 },
    });
    expect(res.body.reports).toEqual({
      total: 1,
      byReason: { 'susila.explicit': 1 },
      comments: 1,
      withdrawn: 1,
      // the moderator removed the reported comment 2 h after the report: upheld, within its clock
      byState: { received: 0, reviewed: 0, upheld: 1, rejected: 0 },
      timeToResolution: { count: 1, medianMs: 2 * HOUR, p95Ms: 2 * HOUR, maxMs: 2 * HOUR },
      overdue: { resolvedLate: 0, openPastDue: 0 },
    });
    expect(res.body.responseTimes).toEqual({
      all: { count: 3, medianMs: 2 * HOUR, p95Ms: 5 * HOUR, maxMs: 5 * HOUR },
      held: { count: 2, medianMs: 3 * HOUR, p95Ms: 5 * HOUR, maxMs: 5 * HOUR },
      reported: { count: 1, medianMs: 2 * HOUR, p95Ms: 2 * HOUR, maxMs: 2 * HOUR },
      urgent: { count: 3, medianMs: 2 * HOUR, p95Ms: 5 * HOUR, maxMs: 5 * HOUR },
    });
    expect(res.body.overdue).toEqual({ total: 2, decidedLate: 1, openPastDue: 1 });
    expect(res.body.daily).toEqual([
      { day: '2025-05-05', category: 'ancaman.violence', count: 3 },
      { day: '2025-05-05', category: 'judi.promo', count: 1 },
      { day: '2025-05-05', category: 'none', count: 3 },
    ]);
  });

  it('when the period ends before the later decisions, then only the current decisions made in it count', async () => {
    const res = await get(`siteId=site-c&from=${FROM}&to=2025-05-05T02:30:00Z`);
    // 2 published, 1 rejected, 1 still held; the comments moderators decided later count with their later decision
    expect(res.body.decisions.byDecider).toEqual({ automatic: 4, moderator: 1 });
    expect(res.body.responseTimes.all.count).toBe(1);
  });

  it.each([
    { name: 'Accept: text/csv', query: `siteId=site-c&from=${FROM}&to=${TO}`, accept: 'text/csv' },
    { name: '?format=csv', query: `siteId=site-c&from=${FROM}&to=${TO}&format=csv`, accept: '*/*' },
  ])('when the report is asked for with $name, then it comes as CSV with the same figures', async ({ query, accept }) => {
    const res = await get(query, mod, accept);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('metric,key,value');
    expect(lines).toEqual(expect.arrayContaining(['decisions,total,7', 'decisions_by_category,judi.promo,1', `response_ms_p95,held,${5 * HOUR}`, `response_ms_median,all,${2 * HOUR}`, 'overdue,total,2', 'reports_by_reason,susila.explicit,1', 'decisions_per_day,2025-05-05 none,3']));
  });

  it.each([
    { name: 'a moderator of another site', token: () => otherMod, status: 403 },
    { name: 'a site token', token: () => site, status: 403 },
    { name: 'an admin', token: () => ADMIN_TOKEN, status: 200 },
  ])('when $name asks for the site, then it gets $status', async ({ token, status }) => {
    expect((await get(`siteId=site-c&from=${FROM}&to=${TO}`, token())).status).toBe(status);
  });

  it('when from is after to, then it gets 422', async () => {
    expect((await get(`siteId=site-c&from=${TO}&to=${FROM}`)).status).toBe(422);
  });

  it.each([
    { values: [], median: null, p95: null },
    { values: [5], median: 5, p95: 5 },
    { values: [4, 1, 3, 2], median: 2.5, p95: 4 },
    { values: Array.from({ length: 100 }, (_, i) => i + 1), median: 50.5, p95: 95 },
  ])('when durations are $values.length long, then median $median and p95 (nearest rank) $p95', ({ values, median, p95 }) => {
    expect(summarizeDurations(values)).toMatchObject({ medianMs: median, p95Ms: p95 });
  });
});

import request from 'supertest';
import { aComment, createPrincipal, createSite } from '../support/app';
import { HOUR, startClockedInstance, type ClockedInstance } from '../reports/clocked-live';

/**
 * `from` and `to` as dates (YYYY-MM-DD) are calendar days in WIB (UTC+7), the day of
 * the report's `daily` figures, and both days are included: `to=<today>` covers today.
 * Datetimes stay exact, `to` exclusive.
 */
describe('GET /v1/reports/compliance with calendar days', () => {
  let t: ClockedInstance;
  let mod: string;
  beforeAll(async () => {
    t = await startClockedInstance('calendardays', new Date('2025-05-04T16:00:00Z')); // 23:00 WIB on 4 May
    const site = (await createSite(t.app, 'site-days')).token;
    mod = await createPrincipal(t.app, 'moderator', ['site-days']);
    await t.submit(site, aComment()); // decided 23:00 WIB, 4 May
    t.advance(9 * HOUR); // 08:00 WIB, 5 May ("today")
    await t.submit(site, aComment());
    await t.submit(site, aComment());
  });
  afterAll(() => t.close());

  const get = (query: string, accept = 'application/json') => request(t.app).get(`/v1/reports/compliance?siteId=site-days&${query}`).set('Authorization', `Bearer ${mod}`).set('Accept', accept);

  it('when to is today as a date, then today is included (it used to return zeros)', async () => {
    const res = await get('from=2025-05-01&to=2025-05-05');
    expect(res.status).toBe(200);
    expect(res.body.decisions.total).toBe(3);
    expect(res.body.from).toBe('2025-04-30T17:00:00.000Z'); // 1 May 00:00 WIB
    expect(res.body.to).toBe('2025-05-05T17:00:00.000Z'); // end of 5 May WIB
  });

  it('when from and to are the same date, then that one WIB day is reported', async () => {
    expect((await get('from=2025-05-05&to=2025-05-05')).body.decisions.total).toBe(2);
    expect((await get('from=2025-05-04&to=2025-05-04')).body.decisions.total).toBe(1);
  });

  it('when to is a datetime, then it stays an exact, exclusive bound', async () => {
    expect((await get('from=2025-05-01&to=2025-05-05T01:00:00Z')).body.decisions.total).toBe(1);
    expect((await get('from=2025-05-01&to=2025-05-05T01:00:01Z')).body.decisions.total).toBe(3);
  });

  it('when to is a date before from, then 422', async () => {
    expect((await get('from=2025-05-05&to=2025-05-04')).status).toBe(422);
  });

  it('when the CSV is asked for calendar days, then its file name carries those WIB days', async () => {
    const res = await get('from=2025-05-01&to=2025-05-05', 'text/csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="saring-compliance-2025-05-01-2025-05-05.csv"');
  });
});

import request from 'supertest';
import { aComment, createPrincipal, createSite } from '../support/app';
import { TestSocket } from '../support/ws';
import { DAY, HOUR, startClockedInstance, type ClockedInstance } from '../reports/clocked-live';

const REJECTED_TEXT = 'slot gacor maxwin depo pulsa tanpa potongan di pulau777';

describe('author standing and bans', () => {
  let t: ClockedInstance;
  let site: string;
  let mod: string;
  let otherMod: string;
  beforeAll(async () => {
    t = await startClockedInstance('standing');
    site = (await createSite(t.app, 'site-s', { policy: { offenderRejections: 3, offenderWindowDays: 7 } })).token;
    await createSite(t.app, 'site-x');
    mod = await createPrincipal(t.app, 'moderator', ['site-s']);
    otherMod = await createPrincipal(t.app, 'moderator', ['site-x']);
  });
  afterAll(() => t.close());

  const by = (author: string, text?: string) => aComment({ author: { id: author, name: author }, ...(text ? { text } : {}) });
  const standing = (author: string, token = mod) => request(t.app).get(`/v1/sites/site-s/authors/${author}`).set('Authorization', `Bearer ${token}`);
  const ban = (author: string, body: Record<string, unknown>, token = mod) => request(t.app).post(`/v1/sites/site-s/authors/${author}/ban`).set('Authorization', `Bearer ${token}`).send(body);

  it('when an author posts approved, held and rejected comments, then the standing counts each in the window', async () => {
    await t.submit(site, by('ani'));
    await t.submit(site, by('ani', 'awas lu gue habisi nanti malam'));
    const r = await t.submit(site, by('ani', REJECTED_TEXT));
    expect(r.status).toBe('rejected');
    const res = await standing('ani');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ siteId: 'site-s', authorId: 'ani', windowDays: 7, counts: { approved: 1, held: 1, rejected: 1 }, repeatOffender: false, banned: false });
  });

  it('when eight comments of one author arrive at once, then all eight are counted (the standing write is claimed, not a lost $push)', async () => {
    // eight different texts: the same text a third time is held as a flood (spam.repeat-text) once the earlier copies are in
    await Promise.all(Array.from({ length: 8 }, (_, i) => t.submit(site, by('burst', `Semoga pemerintah cepat tanggap, harapan warga nomor ${i + 1}.`))));
    expect((await standing('burst')).body.counts).toEqual({ approved: 8, held: 0, rejected: 0 });
  });

  it('when an author reaches 3 rejections in 7 days, then the next innocent comment is held with a reason, and after the window it is published again', async () => {
    for (let i = 0; i < 3; i += 1) await t.submit(site, by('budi', REJECTED_TEXT));
    const held = await t.submit(site, by('budi'));
    expect(held.status).toBe('pending');
    expect(held.reasons[0]).toMatchObject({ ruleId: 'standing.repeat-offender', category: 'standing.offender', message: expect.stringContaining('3 komentar ditolak dalam 7 hari terakhir') });
    expect((await standing('budi')).body).toMatchObject({ repeatOffender: true, counts: { rejected: 3 } });
    t.advance(7 * DAY + HOUR);
    expect((await t.submit(site, by('budi'))).status).toBe('approved');
  });

  it('when a moderator rejects held comments, then the moderator decisions count towards repeat offending', async () => {
    for (let i = 0; i < 3; i += 1) {
      const c = await t.submit(site, by('cici', 'awas lu gue habisi nanti malam'));
      await request(t.app).post(`/v1/comments/${c.id}/decision`).set('Authorization', `Bearer ${mod}`).send({ status: 'rejected' }).expect(200);
    }
    expect((await standing('cici')).body.counts).toEqual({ approved: 0, held: 0, rejected: 3 });
    expect((await t.submit(site, by('cici'))).status).toBe('pending');
  });

  it('when a moderator bans an author for 2 hours, then the ban is audited and streamed, new comments are rejected as banned ("penulis diblokir" in the site message language, Indonesian by default), and after expiry they pass again', async () => {
    const ws = await TestSocket.open(t.wsUrl, { token: mod });
    try {
      const res = await ban('dedi', { hours: 2, reason: 'spam berulang' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ banned: true, bannedUntil: new Date(t.clock.now.getTime() + 2 * HOUR).toISOString(), banReason: 'spam berulang' });
      const event = await ws.waitFor((f) => f.type === 'author.banned' && f.data?.authorId === 'dedi');
      expect(event).toMatchObject({ siteId: 'site-s', data: { lifted: false, reason: 'spam berulang' } });
      expect(await t.store.models.Audit.findOne({ target: 'author:site-s:dedi' }).lean()).toMatchObject({ action: 'author.ban', siteId: 'site-s', after: { banReason: 'spam berulang' } });
      const c = await t.submit(site, by('dedi'));
      expect(c.status).toBe('rejected');
      expect(c.reasons[0]).toMatchObject({ ruleId: 'standing.banned', message: 'penulis diblokir' });
      t.advance(2 * HOUR + 1);
      expect((await t.submit(site, by('dedi'))).status).toBe('approved');
      expect((await standing('dedi')).body.banned).toBe(false);
    } finally {
      ws.close();
    }
  });

  it('when a ban is lifted, then the next comment passes at once and the lift is audited and streamed', async () => {
    const until = new Date(t.clock.now.getTime() + 30 * DAY).toISOString();
    expect((await ban('eko', { until, reason: 'ancaman' })).status).toBe(200);
    expect((await t.submit(site, by('eko'))).status).toBe('rejected');
    const seen: unknown[] = [];
    const off = t.events.onEvent((e) => e.type === 'author.banned' && e.data.lifted === true && seen.push(e));
    const lift = await request(t.app).delete('/v1/sites/site-s/authors/eko/ban').set('Authorization', `Bearer ${mod}`);
    off();
    expect(lift.status).toBe(200);
    expect(lift.body.banned).toBe(false);
    expect(seen).toHaveLength(1);
    expect(await t.store.models.Audit.countDocuments({ target: 'author:site-s:eko', action: 'author.unban' })).toBe(1);
    expect((await t.submit(site, by('eko'))).status).toBe('approved');
  });

  it.each([
    { name: 'a moderator of another site bans', call: () => ban('fajar', { hours: 1, reason: 'x' }, otherMod), status: 404 },
    { name: 'a site token bans', call: () => ban('fajar', { hours: 1, reason: 'x' }, site), status: 403 },
    { name: 'the ban has both until and hours', call: () => ban('fajar', { hours: 1, until: '2030-01-01T00:00:00Z', reason: 'x' }), status: 422 },
    { name: 'the ban ends in the past', call: () => ban('fajar', { until: '2001-01-01T00:00:00Z', reason: 'x' }), status: 422 },
    { name: 'a moderator of another site reads a standing', call: () => standing('fajar', otherMod), status: 404 },
  ])('when $name, then it gets $status', async ({ call, status }) => {
    expect((await call()).status).toBe(status);
    expect((await standing('fajar')).body.banned).toBe(false);
  });
});

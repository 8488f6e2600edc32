import request from 'supertest';
import { aComment, buildTestApp, createPrincipal, createSite, type TestApp } from '../support/app';

const INSULT = 'Dasar anjing lu, baca dulu!';

describe('intake reasons follow the site policy and its message language', () => {
  let t: TestApp;
  let english: string;
  let strictOnFloods: string;
  let mod: string;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'intake-policy' });
    english = (await createSite(t.app, 'kabar-en', { policy: { messageLanguage: 'en' } })).token;
    strictOnFloods = (await createSite(t.app, 'no-floods', { policy: { categoryActions: [{ category: 'spam.repeat', action: 'reject' }] } })).token;
    mod = await createPrincipal(t.app, 'moderator', ['kabar-en']);
  });
  afterAll(() => t.close());

  const submit = (token: string, body: Record<string, unknown>) => request(t.app).post('/v1/comments').set('Authorization', `Bearer ${token}`).send(aComment(body));
  const ban = (author: string) => request(t.app).post(`/v1/sites/kabar-en/authors/${author}/ban`).set('Authorization', `Bearer ${mod}`).send({ hours: 2, reason: 'spam berulang' });

  it('when a site writes its messages in English and a banned author posts an insult, then the ban and the engine reasons are both in English', async () => {
    expect((await ban('banned-1')).status).toBe(200);
    const res = await submit(english, { text: INSULT, author: { id: 'banned-1', name: 'B' } });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('rejected');
    expect(res.body.reasons[0]).toMatchObject({ ruleId: 'standing.banned', category: 'standing.banned', action: 'reject', message: 'author banned', legalBasis: expect.stringContaining('Kebijakan situs') });
    expect(res.body.reasons.find((r: { category: string }) => r.category === 'kasar.directed')).toMatchObject({ message: 'The comment contains abusive language aimed at someone.' });
  });

  it('when a site maps the repeated-text category to reject, then the third copy of a text is rejected, not held', async () => {
    const text = 'Kunjungi toko kami, harga miring setiap hari!';
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await submit(strictOnFloods, { text, author: { id: 'flooder', name: 'F' } })).body);
    expect(statuses.map((b) => b.status)).toEqual(['approved', 'approved', 'rejected']);
    expect(statuses[2].reasons).toEqual([expect.objectContaining({ ruleId: 'spam.repeat-text', category: 'spam.repeat', action: 'reject', message: 'Teks yang sama sudah dikirim 2 kali dalam 24 jam terakhir.' })]);
  });

  it('when a banned author edits a comment, then the edit goes through the same phases: rejected with the ban in the site language', async () => {
    const first = await submit(english, { externalId: 'edit-by-banned', text: 'Berita yang bagus.', author: { id: 'banned-2', name: 'B' } });
    expect(first.body.status).toBe('approved');
    expect((await ban('banned-2')).status).toBe(200);
    const edit = await submit(english, { externalId: 'edit-by-banned', text: 'Berita yang bagus sekali.', author: { id: 'banned-2', name: 'B' } });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ status: 'rejected', revision: 1, reasons: [expect.objectContaining({ ruleId: 'standing.banned', message: 'author banned' })] });
  });

  it("when a site's dry run is asked for, then its reasons are in the site's message language too", async () => {
    const res = await request(t.app).post('/v1/moderate').set('Authorization', `Bearer ${english}`).send({ text: INSULT, siteId: 'kabar-en' });
    expect(res.status).toBe(200);
    expect(res.body.reasons[0].message).toBe('The comment contains abusive language aimed at someone.');
  });
});

import request from 'supertest';
import { textFingerprint } from '../../src/standing/repeat-text';
import { aComment, buildTestApp, createSite, type TestApp } from '../support/app';

describe('spam.repeat: the same text posted again and again', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'repeat' });
    token = (await createSite(t.app, 'repeat-site')).token;
  });
  afterAll(() => t.close());

  const submit = (text: string, authorId: string) =>
    request(t.app).post('/v1/comments').set('Authorization', `Bearer ${token}`).send(aComment({ text, author: { id: authorId, name: 'X' } }));

  it('when one author posts the same text a third time, then the third is held with a spam.repeat reason', async () => {
    const text = 'Kunjungi toko kami, harga miring setiap hari!';
    const first = await submit(text, 'flooder');
    const second = await submit(`  ${text.toUpperCase()} `, 'flooder');
    const third = await submit(text, 'flooder');
    expect([first.body.status, second.body.status]).toEqual(['approved', 'approved']);
    expect(third.body.status).toBe('pending');
    expect(third.body.reasons).toEqual([expect.objectContaining({ ruleId: 'spam.repeat-text', category: 'spam.repeat', action: 'review', legalBasis: expect.stringContaining('Permenkominfo') })]);
  });

  it('when different authors post the same text, or one author different texts, then nothing is held', async () => {
    const text = 'Setuju dengan pendapat di atas.';
    const statuses = [];
    for (const author of ['a1', 'a2', 'a3']) statuses.push((await submit(text, author)).body.status);
    for (const n of [1, 2, 3]) statuses.push((await submit(`Komentar nomor ${n} tentang banjir.`, 'a4')).body.status);
    expect(statuses).toEqual(Array(6).fill('approved'));
  });

  it('when texts differ only in case and spacing, then their fingerprints agree', () => {
    expect(textFingerprint('Beli  SEKARANG')).toBe(textFingerprint('beli sekarang '));
    expect(textFingerprint('beli sekarang')).not.toBe(textFingerprint('beli besok'));
  });
});

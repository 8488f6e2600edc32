import request from 'supertest';
import { ADMIN_TOKEN, createPrincipal, createSite } from '../support/app';
import { refusedUpgrade, TestSocket } from '../support/ws';
import { startCapturedApp, type CapturedApp } from './support/captured-app';

/**
 * The logs at info level, captured while a busy mix of requests runs, hold
 * no token (valid, forged, bootstrap, in a header or a sub-protocol), no
 * comment text and no reader's personal data.
 */
describe('log hygiene', () => {
  let c: CapturedApp;
  let site: string;
  let mod: string;
  const secretText = 'RAHASIA-teks-komentar-budi anjing lu';
  const author = { id: 'NIK-3174000000000001', name: 'Budi Santoso Rahasia' };

  beforeAll(async () => {
    c = await startCapturedApp('info', { SARING_RATE_AUTHOR_BURST: '2', SARING_RATE_AUTHOR_PER_MIN: '1' });
    site = (await createSite(c.app, 'logs-site')).token;
    mod = await createPrincipal(c.app, 'moderator', ['logs-site']);
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    const comment = (externalId: string, extra: Record<string, unknown> = {}) => ({ externalId, articleId: 'a', articleUrl: 'https://news.example/budi-santoso', author, text: secretText, ...extra });

    const created = await request(c.app).post('/v1/comments').set(as(site)).send(comment('log-1'));
    await request(c.app).post('/v1/comments').set(as(site)).send(comment('log-1'));
    for (let i = 0; i < 3; i++) await request(c.app).post('/v1/comments').set(as(site)).send(comment(`flood-${i}`)); // 429s
    await request(c.app).post('/v1/comments').set(as(site)).send(comment('log-2', { text: { $gt: secretText } })); // 422
    await request(c.app).post('/v1/comments').set(as(site)).set('Content-Type', 'application/json').send(`{"text":"${secretText}",`); // 400
    await request(c.app).post('/v1/comments').set(as(`${site}x`)).send(comment('log-3')); // 401, forged
    await request(c.app).post('/v1/moderate').set(as(mod)).send({ text: secretText });
    await request(c.app).get(`/v1/comments?authorId=${encodeURIComponent(author.id)}`).set(as(mod));
    await request(c.app).get(`/v1/comments/${created.body.id}`).set(as(ADMIN_TOKEN));
    await request(c.app).post(`/v1/comments/${created.body.id}/decision`).set(as(mod)).send({ status: 'rejected', note: `catatan tentang ${author.name}` });
    await request(c.app).get('/v1/nowhere').set(as(site));
    const wsUrl = `${c.url.replace('http', 'ws')}/v1/stream`;
    (await TestSocket.open(wsUrl, { token: mod, via: 'protocol' })).close();
    await refusedUpgrade(wsUrl, {}, ['saring.v1', `bearer.${site}`]);
  });
  afterAll(() => c.close());

  it('when requests ran, then there are info-level request lines to check (the capture works)', () => {
    expect(c.lines.length).toBeGreaterThan(5);
    expect(c.lines.some((l) => l.includes('"statusCode":429'))).toBe(true);
  });

  it('when the logs are searched for tokens, then none is found', () => {
    const all = c.lines.join('\n');
    for (const token of [site, mod, ADMIN_TOKEN, `${site}x`]) {
      expect(all).not.toContain(token);
      expect(all).not.toContain(token.slice(-32)); // the secret part alone
    }
  });

  it('when the logs are searched for comment text or personal data, then none is found', () => {
    const all = c.lines.join('\n');
    for (const secret of ['RAHASIA', author.name, author.id, 'budi-santoso', 'Budi']) expect(all).not.toContain(secret);
  });
});

import request from 'supertest';
import { tokenId } from '../../src/auth/tokens';
import { aComment, ADMIN_TOKEN, buildTestApp, createPrincipal, createSite, type TestApp } from '../support/app';

/** Real floods through the real app: one author or one token is refused with 429, nobody else is. */
describe('rate limits', () => {
  let t: TestApp;
  let siteA: string;
  let siteB: string;

  beforeAll(async () => {
    // a burst of 5 and one comment a minute: a flood of 40 gets exactly 5 through within the test
    t = await buildTestApp({ label: 'ratelimit', env: { SARING_RATE_AUTHOR_BURST: '5', SARING_RATE_AUTHOR_PER_MIN: '1', SARING_RATE_TOKEN_PER_SEC: '1', SARING_RATE_TOKEN_BURST: '150' } });
    siteA = (await createSite(t.app, 'rl-site-a')).token;
    siteB = (await createSite(t.app, 'rl-site-b')).token;
  });
  afterAll(() => t.close());

  const submit = (token: string, body: Record<string, unknown>) => request(t.app).post('/v1/comments').set('Authorization', `Bearer ${token}`).send(body);

  it('when one author floods, then that author gets 429 with Retry-After past its burst while other authors and sites all pass', async () => {
    const flood = Array.from({ length: 40 }, () => submit(siteA, aComment({ author: { id: 'spammer', name: 'Spam' } })));
    const others = Array.from({ length: 10 }, (_, i) => submit(siteB, aComment({ author: { id: i < 5 ? 'spammer' : `b-reader-${i}`, name: 'Same id, other site' }, text: `Komentar ${i}` })));
    const neighbours = Array.from({ length: 10 }, (_, i) => submit(siteA, aComment({ author: { id: `reader-${i}`, name: 'Pembaca' } })));
    const [floodRes, otherRes, neighbourRes] = await Promise.all([Promise.all(flood), Promise.all(others), Promise.all(neighbours)]);

    const limited = floodRes.filter((r) => r.status === 429);
    expect(floodRes.filter((r) => r.status === 201)).toHaveLength(5);
    expect(limited).toHaveLength(35);
    for (const r of limited) {
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(r.body.error.code).toBe('rate_limited');
    }
    expect(otherRes.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(neighbourRes.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(await t.store.models.Comment.countDocuments({ siteId: 'rl-site-a', 'author.id': 'spammer' })).toBe(5);
  });

  it('when one token floods, then it gets 429 with Retry-After while another token of the same role is unaffected', async () => {
    const flooder = await createPrincipal(t.app, 'moderator', ['rl-site-a']);
    const calm = await createPrincipal(t.app, 'moderator', ['rl-site-a']);
    const results = await Promise.all(Array.from({ length: 200 }, () => request(t.app).post('/v1/moderate').set('Authorization', `Bearer ${flooder}`).send({ text: 'halo' })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(results.find((r) => r.status === 429)?.headers['retry-after']).toMatch(/^\d+$/);
    expect((await request(t.app).post('/v1/moderate').set('Authorization', `Bearer ${calm}`).send({ text: 'halo' })).status).toBe(200);
  });

  it("when someone forges tokens with a victim's id part, then the victim's own bucket is not drained", async () => {
    const victim = await createPrincipal(t.app, 'moderator', ['rl-site-b']);
    const id = tokenId(victim)!;
    const forged = `sar_${id}_${'x'.repeat(32)}`;
    const attempts = await Promise.all(Array.from({ length: 200 }, () => request(t.app).get('/v1/comments').set('Authorization', `Bearer ${forged}`)));
    expect(attempts.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect(attempts.some((r) => r.status === 429)).toBe(true);
    expect((await request(t.app).get('/v1/comments').set('Authorization', `Bearer ${victim}`)).status).toBe(200);
  });

  it('when health and metrics are polled hard, then they are never rate limited', async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => request(t.app).get('/healthz')));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect((await request(t.app).get('/v1/comments').set('Authorization', `Bearer ${ADMIN_TOKEN}`)).status).not.toBe(500);
  });
});

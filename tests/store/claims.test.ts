import request from 'supertest';
import { claimKeys, claimLock, releaseLock, withClaim, withCommentClaim } from '../../src/store/claims';
import { buildTestApp, createPrincipal, createSite, type TestApp } from '../support/app';
import { aHeldComment } from '../support/held';
import { effectsMarkedDone } from '../support/wait';

/**
 * One key per comment revision (src/store/claims.ts): the decision route and
 * every other writer of a comment (withCommentClaim) hold the same claim, so a
 * claim taken by one keeps the other out.
 */
describe('claims (src/store/claims.ts)', () => {
  let t: TestApp;
  let site: string;
  let moderator: string;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'claims' });
    site = (await createSite(t.app, 'claims-site')).token;
    moderator = await createPrincipal(t.app, 'moderator', ['claims-site']);
  });
  afterAll(() => t.close());

  /**
   * A held comment whose side effects are carried out and marked done: the marking holds the
   * revision's claim for a moment in the background (src/effects/carry-out.ts), and these tests
   * take that claim themselves.
   */
  const submitHeld = async () => {
    const c = (await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${site}`).send(aHeldComment())).body as { id: string; revision: number };
    await effectsMarkedDone(t.store, c.id);
    return c;
  };

  it('when another writer holds the comment revision claim, then a decision is refused with 409 until it is released', async () => {
    const c = await submitHeld();
    const key = claimKeys.commentRevision(c.id, c.revision);
    expect(await claimLock(t.store.conn, key, { owner: 'a-report' })).toBe(true);
    const refused = await request(t.app).post(`/v1/comments/${c.id}/decision`).set('Authorization', `Bearer ${moderator}`).send({ status: 'approved' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/deciding this comment right now/);
    await releaseLock(t.store.conn, key);
    const decided = await request(t.app).post(`/v1/comments/${c.id}/decision`).set('Authorization', `Bearer ${moderator}`).send({ status: 'approved' });
    expect(decided.status).toBe(200);
  });

  it('when a decision holds the comment revision claim, then withCommentClaim waits for it and gives up after its tries', async () => {
    const c = await submitHeld();
    const key = claimKeys.commentRevision(c.id, c.revision);
    expect(await claimLock(t.store.conn, key, { owner: 'moderator' })).toBe(true);
    let wrote = false;
    expect(await withCommentClaim(t.store, c.id, 'test', async () => (wrote = true), { tries: 3 })).toBeUndefined();
    expect(wrote).toBe(false);
    await releaseLock(t.store.conn, key);
    expect(await withCommentClaim(t.store, c.id, 'test', async (fresh) => fresh.revision)).toEqual({ value: c.revision });
  });

  it('when twenty writers race on one key, then withClaim runs them one at a time', async () => {
    const key = claimKeys.takedownOrder('race');
    let inside = 0;
    let most = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        withClaim(t.store.conn, key, { owner: 'race', staleMs: 10_000, tries: 400 }, async () => {
          inside += 1;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inside -= 1;
        }),
      ),
    );
    expect(results.every((r) => r !== undefined)).toBe(true);
    expect(most).toBe(1);
  });
});

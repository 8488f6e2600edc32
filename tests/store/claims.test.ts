import request from 'supertest';
import { claimKeys, claimLock, claimOwners, releaseLock, withClaim, withCommentClaim } from '../../src/store/claims';
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

  it('when another moderator\'s decision holds the comment revision claim, then a decision is refused with 409 until it is released', async () => {
    const c = await submitHeld();
    const key = claimKeys.commentRevision(c.id, c.revision);
    expect(await claimLock(t.store.conn, key, { owner: claimOwners.decision('sari') })).toBe(true);
    const refused = await request(t.app).post(`/v1/comments/${c.id}/decision`).set('Authorization', `Bearer ${moderator}`).send({ status: 'approved' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/Another moderator is deciding this comment right now/);
    await releaseLock(t.store.conn, key);
    const decided = await request(t.app).post(`/v1/comments/${c.id}/decision`).set('Authorization', `Bearer ${moderator}`).send({ status: 'approved' });
    expect(decided.status).toBe(200);
  });

  /**
   * CI, 2026-12-02: a moderator decided a comment just after it arrived, on a loaded machine, while
   * the marking of its intake effects still held the revision's claim; after 400 ms the decision was
   * refused as if another moderator were deciding it. A background writer's claim is waited for.
   */
  it('when a background writer (the effects marking) holds the claim longer than a moment, then a decision waits for it and is made', async () => {
    const c = await submitHeld();
    const key = claimKeys.commentRevision(c.id, c.revision);
    expect(await claimLock(t.store.conn, key, { owner: 'effect-relay' })).toBe(true);
    const released = new Promise((resolve) => setTimeout(resolve, 1_200)).then(() => releaseLock(t.store.conn, key));
    const decided = await request(t.app).post(`/v1/comments/${c.id}/decision`).set('Authorization', `Bearer ${moderator}`).send({ status: 'approved', expectedRevision: c.revision });
    await released;
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'approved', revision: c.revision + 1 });
  });

  it('when a background writer never lets go of the claim, then a decision is refused with 409 after a bounded wait, saying the comment is busy', async () => {
    const c = await submitHeld();
    const key = claimKeys.commentRevision(c.id, c.revision);
    expect(await claimLock(t.store.conn, key, { owner: 'a-report' })).toBe(true);
    const refused = await request(t.app).post(`/v1/comments/${c.id}/decision`).set('Authorization', `Bearer ${moderator}`).send({ status: 'approved' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/busy/);
    await releaseLock(t.store.conn, key);
    const decided = await request(t.app).post(`/v1/comments/${c.id}/decision`).set('Authorization', `Bearer ${moderator}`).send({ status: 'approved' });
    expect(decided.status).toBe(200);
  }, 20_000);

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

import request from 'supertest';
import { buildTestApp, createPrincipal, createSite, type TestApp } from '../support/app';
import { aHeldComment, anInnocentComment } from '../support/held';

describe('POST /v1/comments/:id/decision', () => {
  let t: TestApp;
  let site: string;
  let modA: string;
  let modA2: string;
  let modB: string;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'decisions' });
    site = (await createSite(t.app, 'site-a')).token;
    await createSite(t.app, 'site-b');
    modA = await createPrincipal(t.app, 'moderator', ['site-a']);
    modA2 = await createPrincipal(t.app, 'moderator', ['site-a']);
    modB = await createPrincipal(t.app, 'moderator', ['site-b']);
  });
  afterAll(() => t.close());

  const submit = async (body = aHeldComment()) => {
    const res = await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${site}`).send(body);
    return res.body as { id: string; status: string };
  };
  const decide = (token: string, id: string, body: Record<string, unknown>) => request(t.app).post(`/v1/comments/${id}/decision`).set('Authorization', `Bearer ${token}`).send(body);

  it('when a moderator approves a held comment, then it is approved, audited with before/after, and comment.decided is published', async () => {
    const c = await submit();
    const published: unknown[] = [];
    const off = t.events.onEvent((e) => e.type === 'comment.decided' && published.push(e));
    const res = await decide(modA, c.id, { status: 'approved', note: 'sarkasme, bukan ancaman' });
    off();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: c.id, status: 'approved', revision: 1, decision: { action: 'approve', note: 'sarkasme, bukan ancaman' } });
    expect(res.body.decision.reasons.length).toBeGreaterThan(0);
    const audit = await t.store.models.Audit.findOne({ target: `comment:${c.id}` }).lean();
    expect(audit).toMatchObject({ action: 'comment.decide', siteId: 'site-a', before: { status: 'pending', revision: 0 }, after: { status: 'approved', revision: 1 }, note: 'sarkasme, bukan ancaman' });
    expect(published).toEqual([expect.objectContaining({ siteId: 'site-a', data: expect.objectContaining({ id: c.id, status: 'approved', previousStatus: 'pending' }) })]);
  });

  it('when a moderator rejects a comment the engine approved, then the automatic decision is overridden', async () => {
    const c = await submit(anInnocentComment());
    expect(c.status).toBe('approved');
    const res = await decide(modA, c.id, { status: 'rejected' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'rejected', autoDecision: { decidedBy: 'saring' } });
  });

  it('when two moderators decide the same comment at once, then exactly one wins and the other gets 409', async () => {
    for (let round = 0; round < 5; round += 1) {
      const c = await submit();
      const [x, y] = await Promise.all([decide(modA, c.id, { status: 'approved' }), decide(modA2, c.id, { status: 'rejected' })]);
      expect([x.status, y.status].sort()).toEqual([200, 409]);
      const winner = x.status === 200 ? x : y;
      const stored = await t.store.models.Comment.findById(c.id).lean();
      expect(stored).toMatchObject({ status: winner.body.status, revision: 1 });
      expect(await t.store.models.Audit.countDocuments({ target: `comment:${c.id}` })).toBe(1);
    }
  });

  it('when ten moderators race with force, then every one lands, one after another, and the revisions add up', async () => {
    const c = await submit();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => decide(i % 2 ? modA : modA2, c.id, { status: i % 2 ? 'approved' : 'rejected', force: true })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const stored = await t.store.models.Comment.findById(c.id).lean();
    expect(stored?.revision).toBe(10);
    expect(await t.store.models.Audit.countDocuments({ target: `comment:${c.id}` })).toBe(10);
  });

  it('when a second moderator decides later without acknowledging the first decision, then it gets 409 with the current state', async () => {
    const c = await submit();
    await decide(modA, c.id, { status: 'approved' });
    const res = await decide(modA2, c.id, { status: 'rejected' });
    expect(res.status).toBe(409);
    expect(res.body.error.details[0]).toMatchObject({ status: 'approved', revision: 1 });
    expect((await decide(modA2, c.id, { status: 'rejected', expectedRevision: 1 })).status).toBe(200);
    expect((await decide(modA, c.id, { status: 'approved', expectedRevision: 1 })).status).toBe(409);
  });

  it('when the same moderator repeats its decision, then it is an idempotent 200 with no new revision', async () => {
    const c = await submit();
    await decide(modA, c.id, { status: 'rejected' });
    const again = await decide(modA, c.id, { status: 'rejected' });
    expect(again.status).toBe(200);
    expect(again.body.revision).toBe(1);
  });

  it.each([
    { name: 'a moderator of another site', token: () => modB, status: 404 },
    { name: 'a site token', token: () => site, status: 403 },
    { name: 'no token', token: () => '', status: 401 },
  ])('when $name decides, then it gets $status', async ({ token, status }) => {
    const c = await submit();
    expect((await decide(token(), c.id, { status: 'approved' })).status).toBe(status);
    expect((await t.store.models.Comment.findById(c.id).lean())?.status).toBe('pending');
  });

  it.each([
    { name: 'status pending', body: { status: 'pending' } },
    { name: 'an unknown field', body: { status: 'approved', by: 'me' } },
    { name: 'a negative revision', body: { status: 'approved', expectedRevision: -1 } },
  ])('when the body has $name, then it gets 422', async ({ body }) => {
    const c = await submit();
    expect((await decide(modA, c.id, body)).status).toBe(422);
  });

  it('when the comment does not exist, then it gets 404', async () => {
    expect((await decide(modA, 'c_nope', { status: 'approved' })).status).toBe(404);
  });
});

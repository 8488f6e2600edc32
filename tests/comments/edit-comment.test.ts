import request from 'supertest';
import { ADMIN_TOKEN, aComment, buildTestApp, createSite, type TestApp } from '../support/app';
import { aHeldComment } from '../support/held';

describe('an edited comment (same site and externalId, another text) on the real store', () => {
  let t: TestApp;
  let site: string;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'edits' });
    site = (await createSite(t.app, 'site-edit')).token;
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>) => request(t.app).post('/v1/comments').set('Authorization', `Bearer ${site}`).send(body);
  const editedEvents = async (id: string) => (await t.events.stored(), await t.store.models.Event.find({ type: 'comment.edited' }).lean()).filter((e) => (e.data as { id?: string }).id === id);

  it('when an innocent comment is edited into an insult, then it is moderated again with a new revision, the old text audited and comment.edited streamed', async () => {
    const body = aComment({ text: 'Semoga jalan di desa cepat diperbaiki.' });
    const first = await post(body).expect(201);
    expect(first.body).toMatchObject({ status: 'approved', reasons: [], revision: 0 });

    const edit = await post({ ...body, text: 'Dasar anjing lu, goblok!' }).expect(200);
    expect(edit.body.id).toBe(first.body.id);
    expect(edit.body.revision).toBe(1);
    expect(edit.body.reasons.map((r: { category: string }) => r.category)).toContain('kasar.directed');
    expect(edit.body.maskedText).not.toBe('Dasar anjing lu, goblok!');

    const stored = await t.store.models.Comment.findById(first.body.id).lean();
    expect(stored).toMatchObject({ text: 'Dasar anjing lu, goblok!', revision: 1, externalId: body.externalId });
    expect(await t.store.models.Comment.countDocuments({ siteId: 'site-edit', externalId: body.externalId as string })).toBe(1);
    const audit = await t.store.models.Audit.find({ target: `comment:${first.body.id}`, action: 'comment.edit' }).lean();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { text: 'Semoga jalan di desa cepat diperbaiki.', revision: 0, status: 'approved' }, after: { text: 'Dasar anjing lu, goblok!', revision: 1 } });
    const events = await editedEvents(first.body.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ previousStatus: 'approved', previousRevision: 0, revision: 1 });
  });

  it('when the edited text is sent again, then it is an idempotent retry: 200, the same revision, nothing audited or streamed', async () => {
    const body = aComment({ text: 'Harga cabai naik lagi.' });
    const first = await post(body).expect(201);
    const edit = await post({ ...body, text: 'Harga cabai turun lagi.' }).expect(200);
    const retry = await post({ ...body, text: 'Harga cabai turun lagi.' }).expect(200);
    const again = await post({ ...body, text: 'Harga cabai turun lagi.' }).expect(200);
    expect(retry.body).toEqual(edit.body);
    expect(again.body.revision).toBe(1);
    expect(await t.store.models.Audit.countDocuments({ target: `comment:${first.body.id}`, action: 'comment.edit' })).toBe(1);
    expect(await editedEvents(first.body.id)).toHaveLength(1);
  });

  it('when a held comment is edited, then its queue deadline never moves later and a moderator holding the old revision gets 409', async () => {
    const body = aHeldComment();
    const first = await post(body).expect(201);
    expect(first.body.status).toBe('pending');
    const before = await t.store.models.Comment.findById(first.body.id).lean();
    const edit = await post({ ...body, text: 'awas lu gue habisi nanti malam, gue bacok' }).expect(200);
    expect(edit.body.status).toBe('pending');
    const after = await t.store.models.Comment.findById(first.body.id).lean();
    expect(new Date(after?.dueAt as Date).getTime()).toBeLessThanOrEqual(new Date(before?.dueAt as Date).getTime());
    const stale = await request(t.app).post(`/v1/comments/${first.body.id}/decision`).set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ status: 'approved', expectedRevision: 0 });
    expect(stale.status).toBe(409);
    await request(t.app).post(`/v1/comments/${first.body.id}/decision`).set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ status: 'rejected', expectedRevision: 1 }).expect(200);
  });

  it('when a held comment is edited into an innocent one, then it is published and leaves the queue', async () => {
    const body = aHeldComment();
    await post(body).expect(201);
    const edit = await post({ ...body, text: 'Maaf, saya emosi. Semoga pelakunya cepat ditangkap polisi.' }).expect(200);
    expect(edit.body).toMatchObject({ status: 'approved', reasons: [], revision: 1 });
    const stored = await t.store.models.Comment.findById(edit.body.id).lean();
    expect(stored?.dueAt).toBeUndefined();
  });

  it('when the same edit arrives 10 times in parallel, then it is applied once', async () => {
    const body = aComment({ text: 'Banjir lagi di kota kami.' });
    const first = await post(body).expect(201);
    const answers = await Promise.all(Array.from({ length: 10 }, () => post({ ...body, text: 'Banjir surut di kota kami.' })));
    expect(answers.map((a) => a.status).filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    const stored = await t.store.models.Comment.findById(first.body.id).lean();
    expect(stored).toMatchObject({ text: 'Banjir surut di kota kami.', revision: 1 });
    expect(await t.store.models.Audit.countDocuments({ target: `comment:${first.body.id}`, action: 'comment.edit' })).toBe(1);
  });
});

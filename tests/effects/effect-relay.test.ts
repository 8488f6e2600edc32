import request from 'supertest';
import { EventLog } from '../../src/events/event-log';
import type { SaringEvent } from '../../src/events/types';
import { startEffectRelay } from '../../src/effects/effect-relay';
import type { CommentDoc } from '../../src/store/models';
import { ADMIN_TOKEN, buildTestApp, createPrincipal, createSite, type TestApp } from '../support/app';
import { aHeldComment, anInnocentComment } from '../support/held';
import { waitUntil } from '../support/wait';
import { startDyingInstance } from './support/dying-instance';

/** Side effects written with the fact they report, carried out by the relay when their writer died. */
describe('when an instance dies between storing a comment and carrying out its side effects', () => {
  let t: TestApp;
  let dying: Awaited<ReturnType<typeof startDyingInstance>>;
  let token: string;
  let moderator: string;
  const seen: SaringEvent[] = [];

  beforeAll(async () => {
    t = await buildTestApp({ label: 'effects' });
    // no receiver listens there: these tests count queued deliveries, the webhook tests count received ones
    token = (await createSite(t.app, 'site-fx', { webhookUrl: 'http://127.0.0.1:9/hooks' })).token;
    moderator = await createPrincipal(t.app, 'moderator', ['site-fx']);
    dying = await startDyingInstance(t);
    t.events.onEvent((e) => seen.push(e));
  });
  afterAll(async () => {
    await dying.close();
    await t.close();
  });

  const submitTo = async (app: typeof t.app, body: Record<string, unknown>) => {
    const res = await request(app).post('/v1/comments').set('Authorization', `Bearer ${token}`).send(body);
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const storedComment = async (id: string) => (await t.store.models.Comment.findById(id).lean()) as (CommentDoc & { effects?: { id: string; kind: string }[]; effectsAt?: Date }) | null;
  const eventsOf = (id: string, type: string) => t.store.models.Event.find({ type, 'data.id': id }).lean();
  const deliveriesOf = (id: string) => t.store.models.WebhookDelivery.find({ commentId: id }).lean();
  /** Waits for the dying instance's fast path to have failed: nothing of it reaches the store. */
  const pendingAfterDeath = async (id: string, kinds: string[]) => {
    const doc = await waitUntil(async () => {
      const d = await storedComment(id);
      return d?.effects?.length === kinds.length ? d : undefined;
    }, { what: `pending effects of ${id}` });
    expect(doc.effects?.map((e) => e.kind).sort()).toEqual([...kinds].sort());
    return doc;
  };

  it('then the acknowledged comment keeps its event and webhook pending, and one relay pass publishes each once and clears them', async () => {
    const res = await submitTo(dying.app, anInnocentComment());
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    await pendingAfterDeath(id, ['event', 'webhook']);
    expect(await eventsOf(id, 'comment.created')).toHaveLength(0);
    expect(await deliveriesOf(id)).toHaveLength(0);

    const relay = startEffectRelay({ store: t.store, events: t.events }, { pollMs: 60_000, graceMs: 0 });
    await relay.stop();
    await relay.runOnce();
    expect(await eventsOf(id, 'comment.created')).toHaveLength(1);
    expect(await deliveriesOf(id)).toEqual([expect.objectContaining({ event: 'comment.final', status: 'pending', siteId: 'site-fx' })]);
    expect((await storedComment(id))?.effects).toBeUndefined();
    expect((await storedComment(id))?.effectsAt).toBeUndefined();
    // the live stream of the relaying instance got it too, once
    expect(seen.filter((e) => e.type === 'comment.created' && (e.data as { id: string }).id === id)).toHaveLength(1);
  });

  it('then two relays at once, and a third run after them, store one event and one delivery per effect', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await submitTo(dying.app, anInnocentComment())).body.id as string);
    for (const id of ids) await pendingAfterDeath(id, ['event', 'webhook']);
    // two instances, each with its own event log, relaying the same documents at the same time
    const other = new EventLog(t.store.models);
    const [a, b] = [startEffectRelay({ store: t.store, events: t.events }, { pollMs: 60_000, graceMs: 0 }), startEffectRelay({ store: t.store, events: other }, { pollMs: 60_000, graceMs: 0 })];
    await Promise.all([a.stop(), b.stop()]);
    await Promise.all([a.runOnce(), b.runOnce(), a.runOnce()]);
    await a.runOnce();
    await other.close();
    for (const id of ids) {
      expect(await eventsOf(id, 'comment.created')).toHaveLength(1);
      expect(await deliveriesOf(id)).toHaveLength(1);
      expect((await storedComment(id))?.effects).toBeUndefined();
    }
  });

  it('then a retry of the submission (same externalId and text) gets 200 and publishes the pending effects, once even when retried at once twice', async () => {
    const body = anInnocentComment();
    const id = (await submitTo(dying.app, body)).body.id as string;
    await pendingAfterDeath(id, ['event', 'webhook']);
    const retries = await Promise.all([submitTo(t.app, body), submitTo(t.app, body), submitTo(t.app, body)]);
    expect(retries.map((r) => r.status)).toEqual([200, 200, 200]);
    await waitUntil(async () => (await storedComment(id))?.effects === undefined, { what: 'the effects carried out' });
    expect(await eventsOf(id, 'comment.created')).toHaveLength(1);
    expect(await deliveriesOf(id)).toHaveLength(1);
    expect(seen.filter((e) => e.type === 'comment.created' && (e.data as { id: string }).id === id)).toHaveLength(1);
  });

  it('then a moderator decision stored by the dying instance keeps comment.decided and the webhook, and the relay delivers them', async () => {
    const c = await submitTo(t.app, aHeldComment());
    const id = c.body.id as string;
    await waitUntil(async () => (await eventsOf(id, 'comment.created')).length === 1, { what: 'the intake event' });
    const res = await request(dying.app).post(`/v1/comments/${id}/decision`).set('Authorization', `Bearer ${moderator}`).send({ status: 'rejected' });
    expect(res.status).toBe(200);
    await pendingAfterDeath(id, ['event', 'webhook']);
    const relay = startEffectRelay({ store: t.store, events: t.events }, { pollMs: 60_000, graceMs: 0 });
    await relay.stop();
    await relay.runOnce();
    expect(await eventsOf(id, 'comment.decided')).toEqual([expect.objectContaining({ data: expect.objectContaining({ status: 'rejected', previousStatus: 'pending' }) })]);
    expect(await deliveriesOf(id)).toEqual([expect.objectContaining({ event: 'comment.final' })]);
  });

  it('then a ban stored by the dying instance keeps author.banned on the standing document, and the relay publishes it once', async () => {
    const res = await request(dying.app).post('/v1/sites/site-fx/authors/troll-1/ban').set('Authorization', `Bearer ${moderator}`).send({ hours: 2, reason: 'spam' });
    expect(res.status).toBe(200);
    const pending = await waitUntil(async () => {
      const d = (await t.store.models.Author.findById('site-fx:troll-1').lean()) as { effects?: unknown[] } | null;
      return d?.effects?.length ? d : undefined;
    }, { what: 'the pending ban event' });
    expect(pending.effects).toHaveLength(1);
    const relay = startEffectRelay({ store: t.store, events: t.events }, { pollMs: 60_000, graceMs: 0 });
    await relay.stop();
    await relay.runOnce();
    await relay.runOnce();
    expect(await t.store.models.Event.find({ type: 'author.banned', 'data.authorId': 'troll-1' }).lean()).toEqual([expect.objectContaining({ data: expect.objectContaining({ lifted: false, reason: 'spam' }) })]);
    expect(((await t.store.models.Author.findById('site-fx:troll-1').lean()) as { effects?: unknown[] } | null)?.effects).toBeUndefined();
  });

  it('then a take-down withdrawal writes its comment.withdrawn webhook with the withdrawal, and relaying it again (its marking-done was blocked) queues no second delivery', async () => {
    const id = (await submitTo(t.app, anInnocentComment())).body.id as string;
    await waitUntil(async () => (await storedComment(id))?.effects === undefined, { what: 'the intake effects carried out' });
    // another writer holds the claim of the revision the withdrawal makes: the fast path cannot mark its effect done
    await t.store.conn.collection('locks').insertOne({ _id: `decision:${id}:1` as never, owner: 'test', at: new Date() });
    const order = await request(t.app).post('/v1/takedown-orders').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({ orderNumber: 'FX-1', issuer: 'Komdigi', urgent: false, items: [{ commentId: id }] });
    expect(order.status).toBe(201);
    await pendingAfterDeath(id, ['webhook']);
    await t.store.conn.collection('locks').deleteOne({ _id: `decision:${id}:1` as never });
    const relay = startEffectRelay({ store: t.store, events: t.events }, { pollMs: 60_000, graceMs: 0 });
    await relay.stop();
    await Promise.all([relay.runOnce(), relay.runOnce()]);
    expect(await t.store.models.WebhookDelivery.find({ commentId: id, event: 'comment.withdrawn' }).lean()).toEqual([expect.objectContaining({ takedownOrderId: order.body.id, status: 'pending' })]);
    expect((await storedComment(id))?.effects).toBeUndefined();
  });
});

import { createPrincipal, createSite } from '../support/app';
import { aHeldComment, anInnocentComment } from '../support/held';
import { startLiveInstance, type LiveInstance } from '../support/live';
import { TestSocket, type Frame } from '../support/ws';

describe('GET /v1/stream: subscribe filters', () => {
  let a: LiveInstance;
  let siteA: string;
  let siteB: string;
  let mod: string;
  const sockets: TestSocket[] = [];
  const open = async (query = '') => {
    const s = await TestSocket.open(a.wsUrl + query, { token: mod });
    sockets.push(s);
    return s;
  };
  const subscribe = async (s: TestSocket, filter: Record<string, unknown>) => {
    s.send({ type: 'subscribe', ...filter });
    await s.waitFor((f) => f.type === 'subscribed');
  };
  /** Submits a marker comment that passes every filter, then returns what arrived before it. */
  const drain = async (s: TestSocket): Promise<Frame[]> => {
    const marker = await a.submit(siteA, aHeldComment({ articleId: 'marker' }));
    await s.waitFor((f) => f.data?.id === marker.id);
    return s.events.filter((f) => f.data?.articleId !== 'marker');
  };

  beforeAll(async () => {
    a = await startLiveInstance({ label: 'stream_filters' });
    siteA = (await createSite(a.app, 'site-a')).token;
    siteB = (await createSite(a.app, 'site-b')).token;
    mod = await createPrincipal(a.app, 'moderator', ['site-a', 'site-b']);
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => a.close());

  it('when it subscribes to one site, then only that site comes through', async () => {
    const s = await open();
    await subscribe(s, { siteIds: ['site-a'] });
    const b = await a.submit(siteB, aHeldComment());
    const seen = await drain(s);
    expect(seen.some((f) => f.data?.id === b.id)).toBe(false);
  });

  it('when it subscribes to pending comments, then approved ones are left out', async () => {
    const s = await open();
    await subscribe(s, { statuses: ['pending'] });
    const approved = await a.submit(siteA, anInnocentComment());
    const held = await a.submit(siteA, aHeldComment());
    expect([approved.status, held.status]).toEqual(['approved', 'pending']);
    const seen = await drain(s);
    expect(seen.map((f) => f.data?.id)).toEqual([held.id]);
  });

  it('when it subscribes to one article, then other articles are left out', async () => {
    const s = await open();
    await subscribe(s, { articleId: 'artikel-7' });
    const other = await a.submit(siteA, aHeldComment({ articleId: 'artikel-8' }));
    const mine = await a.submit(siteA, aHeldComment({ articleId: 'artikel-7' }));
    await s.waitFor((f) => f.data?.id === mine.id);
    s.send({ type: 'subscribe' });
    await s.waitFor((f) => f.type === 'subscribed' && Object.keys(f.subscription as object).length === 0);
    const seen = await drain(s);
    expect(seen.some((f) => f.data?.id === other.id)).toBe(false);
  });

  it('when the filter is given on the connect URL, then it applies from the first event', async () => {
    const s = await open('?siteIds=site-b&statuses=pending');
    const a1 = await a.submit(siteA, aHeldComment());
    const b1 = await a.submit(siteB, aHeldComment());
    await s.waitFor((f) => f.data?.id === b1.id);
    expect(s.events.some((f) => f.data?.id === a1.id)).toBe(false);
  });

  it.each([
    { name: 'an unknown status', message: { type: 'subscribe', statuses: ['hidden'] } },
    { name: 'an unknown field', message: { type: 'subscribe', everything: true } },
    { name: 'an unknown type', message: { type: 'unsubscribe' } },
  ])('when it sends $name, then it gets a validation error frame and stays connected', async ({ message }) => {
    const s = await open();
    s.send(message);
    expect(await s.waitFor((f) => f.type === 'error')).toMatchObject({ code: 'validation_failed' });
    s.send({ type: 'ping' });
    await s.waitFor((f) => f.type === 'pong');
  });
});

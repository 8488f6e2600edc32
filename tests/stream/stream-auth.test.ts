import { ADMIN_TOKEN, createPrincipal, createSite } from '../support/app';
import { aHeldComment, anInnocentComment } from '../support/held';
import { startLiveInstance, type LiveInstance } from '../support/live';
import { refusedUpgrade, TestSocket } from '../support/ws';

describe('GET /v1/stream: who may connect and what each sees', () => {
  let a: LiveInstance;
  let siteA: string;
  let siteB: string;
  let modA: string;
  const sockets: TestSocket[] = [];
  const open = async (token: string, via?: 'header' | 'protocol') => {
    const s = await TestSocket.open(a.wsUrl, { token, ...(via ? { via } : {}) });
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    a = await startLiveInstance({ label: 'stream_auth' });
    siteA = (await createSite(a.app, 'site-a')).token;
    siteB = (await createSite(a.app, 'site-b')).token;
    modA = await createPrincipal(a.app, 'moderator', ['site-a']);
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => a.close());

  const unknown = 'sar_AAAAAAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
  it.each([
    { name: 'no token', headers: {}, protocols: ['saring.v1'] },
    { name: 'an unknown token', headers: { Authorization: `Bearer ${unknown}` }, protocols: ['saring.v1'] },
    { name: 'an unknown token in the sub-protocol', headers: {}, protocols: ['saring.v1', `bearer.${unknown}`] },
  ])('when it connects with $name, then the upgrade is refused with 401', async ({ headers, protocols }) => {
    const res = await refusedUpgrade(a.wsUrl, headers as Record<string, string>, protocols);
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('unauthenticated');
  });

  it('when a site token connects, then the upgrade is refused with 403', async () => {
    const res = await refusedUpgrade(a.wsUrl, { Authorization: `Bearer ${siteA}` });
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('forbidden');
  });

  it('when a moderator asks for a site it may not see, then the upgrade is refused with 403', async () => {
    const res = await refusedUpgrade(`${a.wsUrl}?siteIds=site-b`, { Authorization: `Bearer ${modA}` });
    expect(res.status).toBe(403);
  });

  it('when a moderator connects with the token in the sub-protocol, then it is greeted with its principal and the saring.v1 protocol', async () => {
    const s = await open(modA, 'protocol');
    expect(s.ws.protocol).toBe('saring.v1');
    expect(s.frames[0]).toMatchObject({ type: 'hello', principal: { role: 'moderator', siteIds: ['site-a'] }, seq: expect.any(Number) });
  });

  it("when comments arrive on two sites, then a moderator sees only its own site's, and an admin sees both", async () => {
    const mod = await open(modA);
    const admin = await open(ADMIN_TOKEN);
    const onB = await a.submit(siteB, aHeldComment());
    const onA = await a.submit(siteA, aHeldComment());
    const seen = await mod.waitFor((f) => f.type === 'comment.created' && f.data?.id === onA.id);
    await admin.waitFor((f) => f.data?.id === onA.id);
    await admin.waitFor((f) => f.data?.id === onB.id);
    expect(seen).toMatchObject({ siteId: 'site-a', seq: expect.any(Number), at: expect.any(String), data: { id: onA.id, status: 'pending', text: expect.any(String) } });
    expect(mod.events.some((f) => f.data?.id === onB.id)).toBe(false);
  });

  it('when a moderator subscribes to a site it may not see, then it gets an error frame and its filter is unchanged', async () => {
    const mod = await open(modA);
    mod.send({ type: 'subscribe', siteIds: ['site-b'] });
    const err = await mod.waitFor((f) => f.type === 'error');
    expect(err).toMatchObject({ code: 'forbidden' });
    const c = await a.submit(siteA, anInnocentComment());
    await mod.waitFor((f) => f.data?.id === c.id);
  });
});

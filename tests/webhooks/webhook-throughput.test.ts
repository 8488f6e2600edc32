import { createSite } from '../support/app';
import { startLiveInstance, type LiveInstance } from '../support/live';
import { waitUntil } from '../support/wait';
import { startReceiver } from '../support/webhook-receiver';
import { startSubmissionLoad } from '../reliability/support/submission-load';

/** Distinct comment ids a receiver got (a retried delivery counts once). */
const receivedIds = (r: Awaited<ReturnType<typeof startReceiver>>) => new Set(r.received.map((h) => String(h.body.comment.id)));

describe('webhooks keep up with intake and are fair between sites', () => {
  let a: LiveInstance;
  const secrets: Record<string, string | undefined> = {};
  beforeAll(async () => {
    // the service's own worker defaults, but for a timeout long enough that a hanging receiver holds its slots throughout
    a = await startLiveInstance({ label: 'hooks-load', env: { SARING_RATE_TOKEN_PER_SEC: '0', SARING_RATE_AUTHOR_PER_MIN: '0' }, live: { webhooks: { timeoutMs: 30_000 } } });
  });
  afterAll(() => a.close());

  const siteWithReceiver = async (id: string, respond?: (n: number) => number | 'hang') => {
    const receiver = await startReceiver(() => secrets[id], respond);
    const created = await createSite(a.app, id, { webhookUrl: receiver.url });
    secrets[id] = created.webhookSecret;
    return { token: created.token, receiver };
  };
  const acked = (load: ReturnType<typeof startSubmissionLoad>) => load.stats.attempted.filter((x) => x.statuses.includes(201)).length;

  it('when 300 comments arrive in a burst, then all 300 webhooks reach a healthy receiver within 60 s, signed, each once', async () => {
    const s = await siteWithReceiver('burst');
    const load = startSubmissionLoad({ url: a.url, token: s.token, clients: 20, total: 300 });
    const stats = await load.done;
    expect(stats.count(201)).toBe(300);
    await waitUntil(() => receivedIds(s.receiver).size === 300, { timeoutMs: 60_000, everyMs: 100, what: '300 webhooks' });
    expect(s.receiver.received.every((h) => h.signatureValid)).toBe(true);
    expect(s.receiver.received.every((h) => h.body.type === 'comment.final')).toBe(true);
    await waitUntil(async () => (await a.store.models.WebhookDelivery.countDocuments({ siteId: 'burst', status: 'delivered' })) === 300, { timeoutMs: 20_000, what: '300 recorded as delivered' });
    expect(await a.store.models.WebhookDelivery.countDocuments({ siteId: 'burst' })).toBe(300);
    await s.receiver.close();
  }, 120_000);

  it("when one site's receiver hangs, then another site's deliveries still go out at once, and the hanging site holds only its own slots", async () => {
    const hung = await siteWithReceiver('hangs', () => 'hang');
    const healthy = await siteWithReceiver('healthy');
    const stuck = startSubmissionLoad({ url: a.url, token: hung.token, clients: 10, total: 40 });
    await stuck.done;
    expect(acked(stuck)).toBe(40);
    // the hanging site fills the slots it may take, and they stay taken (30 s timeout)
    await waitUntil(() => hung.receiver.requests() >= 8, { timeoutMs: 20_000, what: 'the hanging site holding its slots' });
    const fine = startSubmissionLoad({ url: a.url, token: healthy.token, clients: 5, total: 20 });
    await fine.done;
    expect(acked(fine)).toBe(20);
    // well inside the hanging requests' timeout: with shared slots nothing would go out until they time out
    await waitUntil(() => receivedIds(healthy.receiver).size === 20, { timeoutMs: 20_000, what: "the healthy site's 20 webhooks" });
    expect(hung.receiver.requests()).toBeLessThanOrEqual(8);
    await Promise.all([hung.receiver.close(), healthy.receiver.close()]);
  }, 90_000);
});

import { createSite } from '../support/app';
import { startLiveInstance } from '../support/live';
import { waitUntil } from '../support/wait';
import { startReceiver } from '../support/webhook-receiver';
import { acknowledged } from '../reliability/support/side-effects-check';
import { startSubmissionLoad } from '../reliability/support/submission-load';

/** Distinct comment ids a receiver got (a retried delivery counts once). */
const receivedIds = (r: Awaited<ReturnType<typeof startReceiver>>) => new Set(r.received.map((h) => String(h.body.comment.id)));

/**
 * An instance of its own per test (one test's leftovers must not hold the next one's slots), with the
 * service's worker defaults but for a timeout long enough that a hanging receiver holds its slots throughout.
 */
async function instanceWithSites() {
  const a = await startLiveInstance({ label: 'hooks-load', env: { SARING_RATE_TOKEN_PER_SEC: '0', SARING_RATE_AUTHOR_PER_MIN: '0' }, jobs: { webhookWorker: { timeoutMs: 90_000 } } });
  const secrets: Record<string, string | undefined> = {};
  const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
  const siteWithReceiver = async (id: string, respond?: (n: number) => number | 'hang') => {
    const receiver = await startReceiver(() => secrets[id], respond);
    receivers.push(receiver);
    const created = await createSite(a.app, id, { webhookUrl: receiver.url });
    secrets[id] = created.webhookSecret;
    return { token: created.token, receiver };
  };
  /** Submits `total` comments from `clients` clients, retrying a 503 or a timeout with the same externalId. */
  const submit = async (token: string, clients: number, total: number) =>
    acknowledged(await startSubmissionLoad({ url: a.url, token, clients, total, retry: { delayMs: 200, maxAttempts: 50 }, hangMs: 30_000 }).done);
  const close = async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await a.close();
  };
  return { a, siteWithReceiver, submit, close };
}

describe('webhooks keep up with intake and are fair between sites', () => {
  it('when 300 comments arrive in a burst, then all 300 webhooks reach a healthy receiver within 60 s, signed, each once', async () => {
    const t = await instanceWithSites();
    try {
      const s = await t.siteWithReceiver('burst');
      expect(await t.submit(s.token, 20, 300)).toHaveLength(300);
      await waitUntil(() => receivedIds(s.receiver).size === 300, { timeoutMs: 60_000, everyMs: 100, what: '300 webhooks' });
      expect(s.receiver.received.every((h) => h.signatureValid)).toBe(true);
      expect(s.receiver.received.every((h) => h.body.type === 'comment.final')).toBe(true);
      await waitUntil(async () => (await t.a.store.models.WebhookDelivery.countDocuments({ siteId: 'burst', status: 'delivered' })) === 300, { timeoutMs: 30_000, what: '300 recorded as delivered' });
      expect(await t.a.store.models.WebhookDelivery.countDocuments({ siteId: 'burst' })).toBe(300);
    } finally {
      await t.close();
    }
  }, 180_000);

  it("when one site's receiver hangs, then another site's deliveries still go out, and the hanging site holds only its own slots", async () => {
    const t = await instanceWithSites();
    try {
      const hung = await t.siteWithReceiver('hangs', () => 'hang');
      const healthy = await t.siteWithReceiver('healthy');
      expect(await t.submit(hung.token, 10, 40)).toHaveLength(40);
      // the hanging site fills the slots it may take, and they stay taken (90 s timeout)
      await waitUntil(() => hung.receiver.requests() >= 8, { timeoutMs: 30_000, what: 'the hanging site holding its slots' });
      expect(await t.submit(healthy.token, 5, 20)).toHaveLength(20);
      await waitUntil(() => receivedIds(healthy.receiver).size === 20, { timeoutMs: 60_000, what: "the healthy site's 20 webhooks" });
      // all of it while every hanging attempt was still in flight: none has finished (timed out) yet, so the
      // healthy site's deliveries did not wait for a slot of the hanging site's
      expect(await t.a.store.models.WebhookDelivery.countDocuments({ siteId: 'hangs', attempts: { $gt: 0 } })).toBe(0);
      expect(hung.receiver.requests()).toBeLessThanOrEqual(8);
    } finally {
      await t.close();
    }
  }, 180_000);
});

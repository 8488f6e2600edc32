import { claimKeys, claimLock, releaseLock } from '../store/claims';
import { signingSecrets } from '../sites/rotate-webhook-secret';
import type { Store } from '../store/connect';
import { readDelivery, readDeliveryContext, recordAttempt, type Delivery } from '../store/deliveries';
import { WEBHOOK_EVENT, webhookBody } from './payload';
import { backoffMs, sendWebhook, type SendResult } from './send-webhook';

/** How attempts are made: timeouts, retries and backoff. */
export interface AttemptOptions {
  timeoutMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  now: () => Date;
}

/**
 * Makes one attempt of a delivery, if this instance wins its claim
 * (`webhook:<id>:<attempt>`, so two instances never send the same attempt):
 * POSTs the comment's CURRENT state to the site's current URL and records the
 * outcome — delivered, retried later with backoff, or failed after
 * `maxAttempts`. Returns the outcome, or undefined when another instance had it.
 */
export async function attemptDelivery(store: Store, d: Delivery, opts: AttemptOptions): Promise<SendResult | undefined> {
  const id = String(d._id);
  const key = claimKeys.webhookAttempt(id, d.attempts);
  if (!(await claimLock(store.conn, key, { owner: 'webhook-worker', staleMs: opts.timeoutMs * 4 }))) return undefined;
  let recorded = false;
  try {
    const fresh = await readDelivery(store, d._id);
    if (!fresh || fresh.status !== 'pending' || fresh.attempts !== d.attempts) return undefined;
    const { site, comment, report, order } = await readDeliveryContext(store, fresh);
    const attempts = fresh.attempts + 1;
    let outcome: SendResult;
    // the site's current URL, not the one at enqueue time: a PATCH moves queued deliveries too
    const url = site?.webhookUrl;
    if (!site?.webhookSecret || !comment || !url) outcome = { ok: false, error: !comment ? 'comment no longer exists' : 'the site has no webhook URL or secret' };
    else {
      const event = fresh.event ?? WEBHOOK_EVENT;
      const body = JSON.stringify(webhookBody(id, comment, opts.now(), event, report, order));
      outcome = await sendWebhook({ url, body, secret: signingSecrets(site, opts.now()), deliveryId: id, event, timeoutMs: opts.timeoutMs, now: opts.now });
    }
    const status = outcome.ok ? 'delivered' : attempts >= opts.maxAttempts ? 'failed' : 'pending';
    const set: Partial<Delivery> = { attempts, status };
    if (url && url !== fresh.url) set.url = url;
    if (outcome.status !== undefined) set.lastStatus = outcome.status;
    if (outcome.error) set.lastError = outcome.error;
    if (status === 'pending') set.nextAttemptAt = new Date(opts.now().getTime() + backoffMs(attempts, opts.backoffBaseMs, opts.backoffMaxMs));
    await recordAttempt(store, d._id, set, opts.now());
    recorded = true;
    return outcome;
  } finally {
    // a recorded attempt moved `attempts` on, so its claim is never asked for again: the lock sweep
    // removes it, and the store is spared one write per delivery; an attempt that did not get as far is released
    if (!recorded) await releaseLock(store.conn, key);
  }
}

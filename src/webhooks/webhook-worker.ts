import type { Connection } from 'mongoose';
import { claimLock, releaseLock } from '../decisions/claim-lock';
import type { CommentDoc, Models, ReportDoc, TakedownOrderDoc, WebhookDeliveryDoc } from '../store/models';
import { WEBHOOK_EVENT, webhookBody } from './payload';
import { signingSecrets } from '../sites/rotate-webhook-secret';
import { backoffMs, sendWebhook } from './send-webhook';

export interface WebhookWorkerOptions {
  /** How often to look for due deliveries (ms). */
  pollMs?: number;
  /** Deliveries in flight at once per instance. */
  concurrency?: number;
  timeoutMs?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  now?: () => Date;
  onError?: (err: unknown) => void;
  /** Called after each attempt (tests wait on it). */
  onAttempt?: (deliveryId: string, ok: boolean) => void;
}

type Delivery = WebhookDeliveryDoc & { _id: unknown };

/** A running worker; `stop()` waits for deliveries in flight. */
export interface WebhookWorker {
  stop(): Promise<void>;
}

/**
 * Delivers queued webhooks: every `pollMs` it reads due pending deliveries,
 * claims each attempt (`webhook:<id>:<attempt>`, so two instances never send
 * the same attempt), POSTs the comment's current state, and records the
 * outcome — delivered, retried later with backoff, or failed after
 * `maxAttempts`. It runs beside intake and never blocks it.
 */
export function startWebhookWorker(deps: { models: Models; conn: Connection }, opts: WebhookWorkerOptions = {}): WebhookWorker {
  const { WebhookDelivery, Comment, Site } = deps.models;
  const now = opts.now ?? (() => new Date());
  const concurrency = opts.concurrency ?? 8;
  const maxAttempts = opts.maxAttempts ?? 10;
  const inFlight = new Map<string, Promise<void>>();
  let stopped = false;

  const attempt = async (d: Delivery) => {
    const id = String(d._id);
    const key = `webhook:${id}:${d.attempts}`;
    if (!(await claimLock(deps.conn, key, { owner: 'webhook-worker', staleMs: (opts.timeoutMs ?? 5000) * 4 }))) return;
    try {
      const fresh = (await WebhookDelivery.findById(d._id).lean()) as Delivery | null;
      if (!fresh || fresh.status !== 'pending' || fresh.attempts !== d.attempts) return;
      const [site, comment] = await Promise.all([Site.findById(fresh.siteId).lean(), Comment.findById(fresh.commentId).lean()]);
      const attempts = fresh.attempts + 1;
      let outcome: { ok: boolean; status?: number; error?: string };
      // the site's current URL, not the one at enqueue time: a PATCH moves queued deliveries too
      const url = site?.webhookUrl;
      if (!site?.webhookSecret || !comment || !url) outcome = { ok: false, error: !comment ? 'comment no longer exists' : 'the site has no webhook URL or secret' };
      else {
        const event = fresh.event ?? WEBHOOK_EVENT;
        const report = fresh.reportId ? ((await deps.models.Report.findById(fresh.reportId).lean()) as ReportDoc | null) : undefined;
        const order = fresh.takedownOrderId ? ((await deps.models.TakedownOrder.findById(fresh.takedownOrderId).lean()) as TakedownOrderDoc | null) : undefined;
        const body = JSON.stringify(webhookBody(id, comment as CommentDoc, now(), event, report, order));
        outcome = await sendWebhook({ url, body, secret: signingSecrets(site, now()), deliveryId: id, event, timeoutMs: opts.timeoutMs ?? 5000, now });
      }
      const status = outcome.ok ? 'delivered' : attempts >= maxAttempts ? 'failed' : 'pending';
      const nextAttemptAt = status === 'pending' ? new Date(now().getTime() + backoffMs(attempts, opts.backoffBaseMs ?? 2000, opts.backoffMaxMs ?? 3_600_000)) : undefined;
      const set: Record<string, unknown> = { attempts, status };
      if (url && url !== fresh.url) set.url = url;
      if (outcome.status !== undefined) set.lastStatus = outcome.status;
      if (outcome.error) set.lastError = outcome.error;
      if (nextAttemptAt) set.nextAttemptAt = nextAttemptAt;
      await WebhookDelivery.updateOne({ _id: d._id }, { $set: set, ...(outcome.error ? {} : { $unset: { lastError: 1 } }) });
      opts.onAttempt?.(id, outcome.ok);
    } finally {
      await releaseLock(deps.conn, key);
    }
  };

  const tick = async () => {
    const free = concurrency - inFlight.size;
    if (free <= 0) return;
    const due = (await WebhookDelivery.find({ status: 'pending', nextAttemptAt: { $lte: now() } })
      .sort({ nextAttemptAt: 1 })
      .limit(free + inFlight.size)
      .lean()) as Delivery[];
    for (const d of due) {
      const id = String(d._id);
      if (inFlight.has(id) || inFlight.size >= concurrency) continue;
      const run = attempt(d)
        .catch((err: unknown) => opts.onError?.(err))
        .finally(() => inFlight.delete(id));
      inFlight.set(id, run);
    }
  };

  const loop = async () => {
    if (stopped) return;
    await tick().catch((err: unknown) => opts.onError?.(err));
    if (!stopped) timer = setTimeout(loop, opts.pollMs ?? 1000);
  };
  let timer: NodeJS.Timeout | undefined = setTimeout(loop, 0);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.all(inFlight.values());
    },
  };
}

import type { Store } from '../store/connect';
import { findDueDeliveries, pruneDeliveries, type Delivery } from '../store/deliveries';
import { attemptDelivery } from './attempt-delivery';

export interface WebhookWorkerOptions {
  /** How often to look for due deliveries when there was nothing left to start (ms). */
  pollMs?: number;
  /** Deliveries in flight at once per instance. */
  concurrency?: number;
  /** Deliveries in flight at once per site: a site whose receiver hangs holds only these. */
  perSite?: number;
  timeoutMs?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Delivered and failed deliveries are deleted this many days after their last attempt. */
  retentionDays?: number;
  /** How often to prune (ms). */
  pruneEveryMs?: number;
  now?: () => Date;
  onError?: (err: unknown) => void;
  /** Called after each attempt (tests wait on it). */
  onAttempt?: (deliveryId: string, ok: boolean) => void;
}

/** A running worker; `stop()` waits for deliveries in flight. */
export interface WebhookWorker {
  stop(): Promise<void>;
}

/**
 * Delivers queued webhooks. It reads only the due deliveries it can start
 * (free slots, sites below their per-site limit, none already in flight) by
 * the `status, nextAttemptAt` index, and polls again at once while due work
 * remains — when an attempt ends and the last read was a full page — so a
 * burst goes out as fast as receivers answer; when idle it polls every
 * `pollMs`. Each site has its own slots (`perSite`), so a receiver that hangs
 * delays only its own site. Old delivered and failed deliveries are pruned
 * after `retentionDays`. It runs beside intake and never blocks it.
 */
export function startWebhookWorker(deps: { store: Store }, opts: WebhookWorkerOptions = {}): WebhookWorker {
  const now = opts.now ?? (() => new Date());
  const concurrency = opts.concurrency ?? 32;
  const perSite = opts.perSite ?? 8;
  const attempt = { timeoutMs: opts.timeoutMs ?? 5000, maxAttempts: opts.maxAttempts ?? 10, backoffBaseMs: opts.backoffBaseMs ?? 2000, backoffMaxMs: opts.backoffMaxMs ?? 3_600_000, now };
  const inFlight = new Map<string, { siteId: string; run: Promise<void> }>();
  const bySite = new Map<string, number>();
  let stopped = false;
  let polling: Promise<void> | undefined;
  let again = false;
  /** True while the last read may have left due work behind (a full page, or rows skipped for a busy site). */
  let moreDue = false;
  let timer: NodeJS.Timeout | undefined;

  const start = (d: Delivery) => {
    const id = String(d._id);
    bySite.set(d.siteId, (bySite.get(d.siteId) ?? 0) + 1);
    const run = attemptDelivery(deps.store, d, attempt)
      .then((outcome) => outcome && opts.onAttempt?.(id, outcome.ok))
      .catch((err: unknown) => opts.onError?.(err))
      .finally(() => {
        inFlight.delete(id);
        const left = (bySite.get(d.siteId) ?? 1) - 1;
        if (left > 0) bySite.set(d.siteId, left);
        else bySite.delete(d.siteId);
        if (moreDue) wake();
      });
    inFlight.set(id, { siteId: d.siteId, run });
  };

  const fill = async () => {
    const free = concurrency - inFlight.size;
    if (free <= 0) return;
    const busy = [...bySite].filter(([, n]) => n >= perSite).map(([site]) => site);
    const due = await findDueDeliveries(deps.store, { now: now(), limit: free, skipSites: busy, skipIds: [...inFlight.keys()] });
    let skipped = false;
    for (const d of due) {
      if (stopped || inFlight.size >= concurrency) break;
      if ((bySite.get(d.siteId) ?? 0) >= perSite) skipped = true;
      else start(d);
    }
    moreDue = due.length === free || skipped;
  };

  const poll = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    do {
      again = false;
      await fill().catch((err: unknown) => opts.onError?.(err));
    } while (again && !stopped);
    if (!stopped) timer = setTimeout(wake, opts.pollMs ?? 1000);
  };

  /** Polls now, or right after the poll in flight. */
  function wake(): void {
    if (stopped) return;
    if (polling) {
      again = true;
      return;
    }
    polling = poll().finally(() => (polling = undefined));
  }

  const prune = () => {
    const cutoff = new Date(now().getTime() - (opts.retentionDays ?? 7) * 86_400_000);
    pruneDeliveries(deps.store, cutoff).catch((err: unknown) => opts.onError?.(err));
  };
  prune();
  const pruning = setInterval(prune, opts.pruneEveryMs ?? 600_000);
  pruning.unref();
  setImmediate(wake);

  return {
    async stop() {
      stopped = true;
      clearInterval(pruning);
      if (timer) clearTimeout(timer);
      await polling;
      await Promise.all([...inFlight.values()].map((f) => f.run));
    },
  };
}

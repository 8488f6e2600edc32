import type { Logger } from 'pino';
import type { EventPublisher } from '../events/types';
import type { Metrics } from '../metrics';
import type { Store } from '../store/connect';
import type { CommentDoc, TakedownOrderDoc } from '../store/models';
import { publishPerSite } from './receive-order';
import { updateOrder } from './update-order';
import { startPeriodicSweep, type PeriodicSweep } from '../periodic-sweep';

export interface OrderSweepDeps {
  store: Store;
  events: EventPublisher;
  metrics?: Metrics;
  logger: Logger;
  /** Injectable clock (tests move it instead of sleeping). */
  now: () => Date;
}

/**
 * An open order whose comments moderators have all rejected one by one is
 * carried out: it records the last removal's time and moderator, so an order
 * nobody "completed" by hand is not reported overdue. Comments removed before
 * the order was recorded count as removed when it was recorded.
 */
async function completeIfRemoved(deps: OrderSweepDeps, order: TakedownOrderDoc): Promise<boolean> {
  const ids = (order.comments ?? []).map((c) => c.commentId);
  if (ids.length === 0) return false;
  const docs = (await deps.store.models.Comment.find({ _id: { $in: ids } }, { status: 1, decision: 1 }).lean()) as Pick<CommentDoc, 'status' | 'decision'>[];
  if (docs.length < ids.length || docs.some((d) => d.status !== 'rejected')) return false;
  const last = docs.map((d) => d.decision).sort((a, b) => new Date(a?.decidedAt ?? 0).getTime() - new Date(b?.decidedAt ?? 0).getTime()).pop();
  const completedAt = new Date(Math.max(new Date(last?.decidedAt ?? deps.now()).getTime(), new Date(order.createdAt).getTime()));
  const done = await updateOrder(deps.store, order._id, (o) => (o.completedAt ? undefined : { completedAt, completedBy: last?.decidedBy ?? 'saring', completionNote: 'every covered comment was rejected by a moderator' }), { now: deps.now });
  if (done?.written) await publishPerSite(deps, 'takedown.completed', done.order, { removedNow: 0 });
  return !!done?.written;
}

/** Marks an order overdue once (under its claim), counts it and publishes `takedown.overdue`; false when it was already. */
async function markOverdue(deps: OrderSweepDeps, order: TakedownOrderDoc, now: Date): Promise<boolean> {
  const marked = await updateOrder(deps.store, order._id, (o) => (o.completedAt || o.overdueNotifiedAt ? undefined : { overdueNotifiedAt: now }), { now: deps.now });
  if (!marked?.written) return false;
  deps.metrics?.takedownOverdue.inc({ urgent: String(order.urgent) });
  await publishPerSite(deps, 'takedown.overdue', marked.order, { overdueMs: now.getTime() - new Date(order.dueAt).getTime() });
  return true;
}

/**
 * Looks at every open order: completes the ones whose comments are all
 * removed, and raises `takedown.overdue` (and `saring_takedown_orders_overdue_total`)
 * exactly once — across instances — for each one past its due time. Returns
 * how many it marked overdue. Open orders are few: one read of them.
 */
export async function sweepOverdueOrders(deps: OrderSweepDeps): Promise<number> {
  const now = deps.now();
  const open = (await deps.store.models.TakedownOrder.find({ completedAt: { $exists: false } }).lean()) as TakedownOrderDoc[];
  let marked = 0;
  for (const order of open) {
    if (await completeIfRemoved(deps, order)) continue;
    if (order.overdueNotifiedAt || new Date(order.dueAt).getTime() > now.getTime()) continue;
    if (await markOverdue(deps, order, now)) marked += 1;
  }
  return marked;
}

/** A running sweeper; `stop()` waits for the sweep in flight. */
export type OrderSweeper = PeriodicSweep;

/** Runs {@link sweepOverdueOrders} every `intervalMs` (default 30 s). Started by server.ts. */
export function startOrderSweeper(deps: OrderSweepDeps, opts: { intervalMs?: number } = {}): OrderSweeper {
  return startPeriodicSweep(() => sweepOverdueOrders(deps), { intervalMs: opts.intervalMs ?? 30_000, logger: deps.logger, what: 'take-down order sweep failed' });
}

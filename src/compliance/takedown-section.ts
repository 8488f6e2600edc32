import type { Store } from '../store/connect';
import type { CommentDoc, TakedownOrderDoc } from '../store/models';
import { orderState } from '../takedown/order-view';

/** One ministry order in the compliance report: its timeline, on the report's sites. */
export interface TakedownFigure {
  id: string;
  orderNumber: string;
  issuer: string;
  urgent: boolean;
  receivedAt: string;
  dueAt: string;
  status: 'open' | 'completed';
  completedAt: string | null;
  completedBy: string | null;
  /** Completed after its due time, or still open past it. */
  late: boolean;
  msToComplete: number | null;
  items: number;
  comments: number;
  removed: number;
  warnings: { letterNumber: string | null; receivedAt: string }[];
  timeline: { at: string; what: string }[];
}

/** The take-down section: totals, and one entry per order received in the period. */
export interface TakedownSection {
  total: number;
  urgent: number;
  completed: number;
  completedLate: number;
  openPastDue: number;
  warnings: number;
  orders: TakedownFigure[];
}

const iso = (d: Date | string | null | undefined) => new Date(d ?? 0).toISOString();

function figureOf(order: TakedownOrderDoc, statuses: Map<string, string>, sites: string[] | undefined, now: Date): TakedownFigure {
  const comments = (order.comments ?? []).filter((c) => !sites || sites.includes(c.siteId ?? ''));
  const state = orderState(order, now);
  const timeline = [
    { at: iso(order.receivedAt), what: 'received' },
    ...comments.filter((c) => c.withdrawnAt && !c.alreadyRemoved).slice(0, 1).map((c) => ({ at: iso(c.withdrawnAt as Date), what: 'comments withdrawn' })),
    { at: iso(order.dueAt), what: 'due' },
    ...(order.warnings ?? []).map((w, i) => ({ at: iso(w.receivedAt), what: `warning ${i + 1}${w.letterNumber ? ` (${w.letterNumber})` : ''}` })),
    ...(order.overdueNotifiedAt ? [{ at: iso(order.overdueNotifiedAt), what: 'overdue raised' }] : []),
    ...(order.completedAt ? [{ at: iso(order.completedAt), what: `completed by ${order.completedBy ?? '?'}` }] : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return {
    id: order._id,
    orderNumber: order.orderNumber,
    issuer: order.issuer,
    urgent: order.urgent,
    receivedAt: iso(order.receivedAt),
    dueAt: iso(order.dueAt),
    status: state.status,
    completedAt: order.completedAt ? iso(order.completedAt) : null,
    completedBy: order.completedBy ?? null,
    late: state.late,
    msToComplete: order.completedAt ? new Date(order.completedAt).getTime() - new Date(order.receivedAt).getTime() : null,
    items: (order.items ?? []).length,
    comments: comments.length,
    removed: comments.filter((c) => statuses.get(c.commentId) === 'rejected').length,
    warnings: (order.warnings ?? []).map((w) => ({ letterNumber: w.letterNumber ?? null, receivedAt: iso(w.receivedAt) })),
    timeline,
  };
}

/**
 * The ministry take-down orders received in `[from, to)` that cover the
 * report's sites (every order for an admin's all-site report), each with its
 * timeline — received, withdrawn, due, warnings, overdue, completed — as
 * Permenkominfo 5/2020 Pasal 15(10)–(12) makes it matter.
 */
export async function takedownSection(store: Store, sites: string[] | undefined, from: Date, to: Date, now: Date): Promise<TakedownSection> {
  const found = (await store.models.TakedownOrder.find({ receivedAt: { $gte: from, $lt: to }, ...(sites ? { siteIds: { $in: sites } } : {}) }).sort({ receivedAt: 1, _id: 1 }).lean()) as TakedownOrderDoc[];
  const ids = found.flatMap((o) => (o.comments ?? []).map((c) => c.commentId));
  const docs = ids.length ? ((await store.models.Comment.find({ _id: { $in: ids } }, { status: 1 }).lean()) as Pick<CommentDoc, '_id' | 'status'>[]) : [];
  const statuses = new Map(docs.map((d) => [d._id, d.status]));
  const orders = found.map((o) => figureOf(o, statuses, sites, now));
  return {
    total: orders.length,
    urgent: orders.filter((o) => o.urgent).length,
    completed: orders.filter((o) => o.status === 'completed').length,
    completedLate: orders.filter((o) => o.status === 'completed' && o.late).length,
    openPastDue: orders.filter((o) => o.status === 'open' && o.late).length,
    warnings: orders.reduce((n, o) => n + o.warnings.length, 0),
    orders,
  };
}

import type { TakedownOrderDoc } from '../store/models';
import { takedownHours, TAKEDOWN_BASIS, URGENT_TAKEDOWN_BASIS } from './basis';

/** The state of an order at `now`: open, or completed; overdue when open past its due time. */
export function orderState(order: Pick<TakedownOrderDoc, 'completedAt' | 'dueAt'>, now: Date): { status: 'open' | 'completed'; overdue: boolean; late: boolean } {
  const due = new Date(order.dueAt).getTime();
  if (order.completedAt) return { status: 'completed', overdue: false, late: new Date(order.completedAt).getTime() > due };
  const overdue = now.getTime() > due;
  return { status: 'open', overdue, late: overdue };
}

/** An order as the API shows it (the covered comments without their text: that is in the evidence). */
export function toOrderView(order: TakedownOrderDoc, now: Date) {
  const state = orderState(order, now);
  const comments = order.comments ?? [];
  return {
    id: order._id,
    orderNumber: order.orderNumber,
    issuer: order.issuer,
    receivedAt: order.receivedAt,
    urgent: order.urgent,
    dueAt: order.dueAt,
    deadline: { hours: takedownHours(order.urgent), label: order.urgent ? URGENT_TAKEDOWN_BASIS : TAKEDOWN_BASIS },
    siteIds: order.siteIds ?? [],
    items: (order.items ?? []).map((i) => ({ commentId: i.commentId ?? undefined, articleUrl: i.articleUrl ?? undefined, note: i.note ?? undefined, commentIds: i.commentIds ?? [] })),
    comments: comments.map((c) => ({ commentId: c.commentId, siteId: c.siteId, withdrawnAt: c.withdrawnAt ?? undefined, withdrawnBy: c.withdrawnBy ?? undefined, alreadyRemoved: !!c.alreadyRemoved })),
    warnings: (order.warnings ?? []).map((w) => ({ letterNumber: w.letterNumber ?? undefined, receivedAt: w.receivedAt, note: w.note ?? undefined, recordedBy: w.recordedBy, recordedAt: w.recordedAt })),
    ...state,
    msLeft: state.status === 'open' ? new Date(order.dueAt).getTime() - now.getTime() : undefined,
    overdueNotifiedAt: order.overdueNotifiedAt ?? undefined,
    createdBy: order.createdBy,
    createdAt: order.createdAt,
    completedAt: order.completedAt ?? undefined,
    completedBy: order.completedBy ?? undefined,
    completionNote: order.completionNote ?? undefined,
  };
}
export type OrderView = ReturnType<typeof toOrderView>;

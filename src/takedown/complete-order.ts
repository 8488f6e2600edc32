import type { Principal } from '../auth/principal';
import { decideComment, type DecideDeps } from '../decisions/decide-comment';
import { AppError } from '../errors';
import type { CommentDoc, TakedownOrderDoc } from '../store/models';
import { readOrder } from './order-access';
import { orderState } from './order-view';
import { publishPerSite } from './receive-order';
import { updateOrder } from './update-order';

/**
 * A moderator (or legal officer, or admin) confirms the order is carried out:
 * every covered comment not yet rejected is rejected now — a moderator
 * decision like any other (audit, `comment.decided`, the final webhook, the
 * readers' reports resolved) — and the order records when and by whom.
 * Audited as `takedown.complete`, streamed as `takedown.completed`.
 */
export async function completeTakedownOrder(deps: DecideDeps, principal: Principal, id: string, note?: string): Promise<TakedownOrderDoc> {
  const seen = await readOrder(deps.store.models, principal, id);
  if (seen.completedAt) throw new AppError('conflict', `The order was completed at ${new Date(seen.completedAt).toISOString()} by ${seen.completedBy}.`, [{ path: 'completedAt', message: 'already completed' }]);
  const ids = (seen.comments ?? []).map((c) => c.commentId);
  const current = (await deps.store.models.Comment.find({ _id: { $in: ids } }, { status: 1 }).lean()) as Pick<CommentDoc, '_id' | 'status'>[];
  let removed = 0;
  for (const c of current) {
    if (c.status === 'rejected') continue;
    await decideComment(deps, principal, c._id, { status: 'rejected', note: note ? `take-down ${seen.orderNumber}: ${note}` : `take-down ${seen.orderNumber}`, force: true });
    removed += 1;
  }
  const now = deps.now();
  const updated = await updateOrder(deps.store, id, (order) => (order.completedAt ? undefined : { completedAt: now, completedBy: principal.id, ...(note ? { completionNote: note } : {}) }), { now: deps.now });
  if (!updated) throw new AppError('not_found', `No take-down order ${id}.`);
  // the sweeper may have recorded it meanwhile, from these very removals
  if (!updated.written) return updated.order;
  const order = updated.order;
  await deps.store.models.Audit.create({ actor: principal.id, action: 'takedown.complete', target: `takedown:${id}`, after: { completedAt: now, removedNow: removed, late: orderState(order, now).late }, note, at: now });
  await publishPerSite(deps, 'takedown.completed', order, { removedNow: removed });
  return order;
}

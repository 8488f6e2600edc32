import { createHash } from 'node:crypto';
import type { Principal } from '../auth/principal';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import type { SiteDirectory } from '../sites/site-directory';
import type { TakedownOrderDoc } from '../store/models';
import { takedownDueAt, takedownOrderId } from './basis';
import { canSeeOrder } from './order-access';
import { toOrderView } from './order-view';
import { resolveItems, type ResolvedItem } from './resolve-items';
import type { TakedownOrderInput } from './schema';
import { updateOrder } from './update-order';
import { withdrawForOrder, type OrderComment } from './withdraw-comment';
import { insertOnce } from '../store/documents';

export type TakedownDeps = Pick<AppDeps, 'store' | 'events' | 'now' | 'logger'> & { sites: SiteDirectory };

/** How far in the future a `receivedAt` may lie (clock skew between SAMAN's desk and this service). */
const SKEW_MS = 5 * 60_000;

/** A fingerprint of the order as sent: the same number with other content is a conflict, the same content a retry. */
function fingerprint(input: TakedownOrderInput): string {
  const { orderNumber: _n, receivedAt, ...rest } = input;
  const normal = { ...rest, ...(receivedAt ? { receivedAt: new Date(receivedAt).toISOString() } : {}) };
  return createHash('sha256').update(JSON.stringify(normal)).digest('base64url');
}

function receivedAtOf(input: TakedownOrderInput, now: Date): Date {
  const at = input.receivedAt ? new Date(input.receivedAt) : now;
  if (at.getTime() > now.getTime() + SKEW_MS) throw new AppError('validation_failed', undefined, [{ path: 'receivedAt', message: 'must not be in the future' }]);
  return at;
}

/** Stores a new order, or finds the one a retry refers to (409 when its number is taken by other content). */
async function storeOrder(deps: TakedownDeps, principal: Principal, input: TakedownOrderInput, resolved: ResolvedItem[], siteIds: string[]): Promise<{ order: TakedownOrderDoc; created: boolean }> {
  const { TakedownOrder } = deps.store.models;
  const now = deps.now();
  const receivedAt = receivedAtOf(input, now);
  const doc = {
    _id: takedownOrderId(input.orderNumber),
    orderNumber: input.orderNumber,
    issuer: input.issuer,
    receivedAt,
    urgent: input.urgent,
    dueAt: takedownDueAt(receivedAt, input.urgent),
    inputHash: fingerprint(input),
    siteIds,
    items: resolved.map((r) => ({ ...(r.item.commentId ? { commentId: r.item.commentId } : { articleUrl: r.item.articleUrl }), ...(r.item.note ? { note: r.item.note } : {}), commentIds: r.commentIds })),
    comments: [],
    warnings: [],
    createdBy: principal.id,
    createdAt: now,
    updatedAt: now,
    revision: 0,
  };
  if (await insertOnce(TakedownOrder, doc)) return { order: doc as unknown as TakedownOrderDoc, created: true };
  const existing = (await TakedownOrder.findById(doc._id).lean()) as TakedownOrderDoc | null;
  if (!existing) throw new AppError('conflict', 'The order is being stored right now; send it again.');
  if (existing.inputHash !== doc.inputHash || !canSeeOrder(principal, existing)) {
    throw new AppError('conflict', `Take-down order ${input.orderNumber} is already recorded with other content.`, [{ path: 'orderNumber', message: 'already recorded', id: existing._id }]);
  }
  return { order: existing, created: false };
}

/**
 * A take-down order from the ministry (Permenkominfo 5/2020 Pasal 14–16),
 * entered by an admin or a legal officer: stored once per order number, due
 * 24 h after receipt (4 h when urgent); every comment it covers is withdrawn
 * at once (status `pending` with the take-down reason), each site gets a
 * `comment.withdrawn` webhook (written with the withdrawal, src/takedown/withdraw-comment.ts)
 * and its moderators a `takedown.received` event.
 * A retry of the same order finishes what an interrupted one started.
 */
export async function receiveTakedownOrder(deps: TakedownDeps, principal: Principal, input: TakedownOrderInput): Promise<{ created: boolean; order: TakedownOrderDoc }> {
  receivedAtOf(input, deps.now());
  const { resolved, comments } = await resolveItems(deps.store.models, principal, input.items);
  const touched = [...new Set([...comments.values()].map((c) => c.siteId))].sort();
  const siteIds = touched.length || principal.role === 'admin' ? touched : [...principal.siteIds].sort();
  const { order, created } = await storeOrder(deps, principal, input, resolved, siteIds);

  const known = new Map((order.comments ?? []).map((c) => [c.commentId, c]));
  const entries: OrderComment[] = [];
  // the call that withdrew a comment knows its status before; a retry that found it withdrawn does not
  const authoritative = new Set<string>();
  for (const id of new Set(resolved.flatMap((r) => r.commentIds))) {
    const w = await withdrawForOrder(deps, principal, order, id, known.get(id));
    if (!w) throw new AppError('conflict', 'A comment of the order is being changed right now; send the order again (it is safe to repeat).');
    entries.push(w.entry);
    if (w.changed || w.entry.alreadyRemoved) authoritative.add(id);
  }
  // retries may race: the record of the call that withdrew a comment wins, whichever writes first
  const merge = (current: TakedownOrderDoc) => entries.map((e) => (authoritative.has(e.commentId) ? e : ((current.comments ?? []).find((c) => c.commentId === e.commentId) ?? e)));
  const updated = await updateOrder(deps.store, order._id, (current) => ({ comments: merge(current) as unknown as TakedownOrderDoc['comments'] }), { now: deps.now });
  const final = updated?.order ?? order;
  if (created) {
    const now = deps.now();
    await deps.store.models.Audit.create({ actor: principal.id, action: 'takedown.receive', target: `takedown:${final._id}`, after: { orderNumber: final.orderNumber, issuer: final.issuer, urgent: final.urgent, receivedAt: final.receivedAt, dueAt: final.dueAt, comments: entries.length }, at: now });
    await publishPerSite(deps, 'takedown.received', final, {});
  }
  return { created, order: final };
}

/** One event per site of the order, carrying only that site's comments. */
export async function publishPerSite(deps: Pick<TakedownDeps, 'events' | 'now' | 'logger'>, type: 'takedown.received' | 'takedown.overdue' | 'takedown.completed', order: TakedownOrderDoc, extra: Record<string, unknown>): Promise<void> {
  const view = toOrderView(order, deps.now());
  for (const siteId of order.siteIds ?? []) {
    const data = { ...view, comments: view.comments.filter((c) => c.siteId === siteId), ...extra };
    await deps.events.publish(type, data, siteId).catch((err: unknown) => deps.logger.warn({ err, orderId: order._id }, `could not publish ${type}`));
  }
}

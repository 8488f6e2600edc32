import { claimKeys, withClaim } from '../store/claims';
import { AppError } from '../errors';
import type { Store } from '../store/connect';
import type { TakedownOrderDoc } from '../store/models';
import { updateFields } from '../store/documents';

/** The fields of an order a writer may change. */
export type OrderPatch = Partial<Pick<TakedownOrderDoc, 'siteIds' | 'comments' | 'warnings' | 'completedAt' | 'completedBy' | 'completionNote' | 'overdueNotifiedAt'>>;

/**
 * Read-modify-write of one order under a claim (`takedown:<id>`): FerretDB
 * rewrites the whole document on every update, so a warning recorded while
 * the sweeper marks the order overdue would otherwise lose one of the two.
 * `mutate` returns the new fields, or undefined to write nothing; the answer
 * says whether it wrote. 409 when the claim cannot be had.
 */
export async function updateOrder(store: Store, id: string, mutate: (order: TakedownOrderDoc) => OrderPatch | undefined, opts: { now: () => Date; tries?: number }): Promise<{ order: TakedownOrderDoc; written: boolean } | undefined> {
  const done = await withClaim(store.conn, claimKeys.takedownOrder(id), { owner: 'takedown', staleMs: 30_000, tries: opts.tries ?? 40 }, async () => {
    const order = (await store.models.TakedownOrder.findById(id).lean()) as TakedownOrderDoc | null;
    if (!order) return undefined;
    const patch = mutate(order);
    if (!patch) return { order, written: false };
    const updatedAt = opts.now();
    const revision = (order.revision ?? 0) + 1;
    await updateFields(store.models.TakedownOrder, id, { $set: { ...patch, updatedAt, revision } });
    return { order: { ...order, ...patch, updatedAt, revision } as TakedownOrderDoc, written: true };
  });
  if (done) return done.value;
  throw new AppError('conflict', `The take-down order ${id} is being changed right now; try again.`);
}

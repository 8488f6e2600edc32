import type { Principal } from '../auth/principal';
import { AppError } from '../errors';
import type { TakedownOrderDoc } from '../store/models';
import { readOrder } from './order-access';
import type { TakedownDeps } from './receive-order';
import type { WarningInput } from './schema';
import { updateOrder } from './update-order';

/** Warning letters Pasal 15(10)–(11) foresees before fines and blocking (15(12)); more are recorded too. */
export const WARNINGS_BEFORE_SANCTIONS = 3;

/**
 * Records a warning letter the ministry sent for a missed order (Permenkominfo
 * 5/2020 Pasal 15(10): every 24 h, 4 h when urgent, at most three, then
 * sanctions). Audited as `takedown.warning`.
 */
export async function recordWarning(deps: TakedownDeps, principal: Principal, id: string, input: WarningInput): Promise<TakedownOrderDoc> {
  const seen = await readOrder(deps.store.models, principal, id);
  const now = deps.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() < new Date(seen.receivedAt).getTime()) throw new AppError('validation_failed', undefined, [{ path: 'receivedAt', message: 'a warning cannot precede its order' }]);
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000) throw new AppError('validation_failed', undefined, [{ path: 'receivedAt', message: 'must not be in the future' }]);
  const warning = { ...(input.letterNumber ? { letterNumber: input.letterNumber } : {}), receivedAt, ...(input.note ? { note: input.note } : {}), recordedBy: principal.id, recordedAt: now };
  const updated = await updateOrder(deps.store, id, (order) => ({ warnings: [...(order.warnings ?? []), warning] as TakedownOrderDoc['warnings'] }), { now: deps.now });
  if (!updated) throw new AppError('not_found', `No take-down order ${id}.`);
  await deps.store.models.Audit.create({ actor: principal.id, action: 'takedown.warning', target: `takedown:${id}`, after: { ...warning, count: updated.order.warnings.length }, note: input.note, at: now });
  return updated.order;
}

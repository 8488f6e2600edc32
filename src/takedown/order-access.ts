import type { Principal } from '../auth/principal';
import { AppError } from '../errors';
import type { Models, TakedownOrderDoc } from '../store/models';

/**
 * An admin sees every order; a moderator or legal officer an order whose
 * sites are all theirs (an order that also covers another site's comments
 * would show them), so existence is not revealed across sites.
 */
export function canSeeOrder(principal: Principal, order: Pick<TakedownOrderDoc, 'siteIds'>): boolean {
  if (principal.role === 'admin') return true;
  const sites = order.siteIds ?? [];
  return sites.length > 0 && sites.every((s) => principal.siteIds.includes(s));
}

/** One order the principal may see; 404 otherwise. */
export async function readOrder(models: Models, principal: Principal, id: string): Promise<TakedownOrderDoc> {
  const order = (await models.TakedownOrder.findById(id).lean()) as TakedownOrderDoc | null;
  if (!order || !canSeeOrder(principal, order)) throw new AppError('not_found', `No take-down order ${id}.`);
  return order;
}

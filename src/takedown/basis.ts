import { createHash } from 'node:crypto';
import type { Reason } from '../moderation/types';
import type { TakedownOrderDoc } from '../store/models';

const HOUR = 3_600_000;

/** Where the clocks of a take-down order come from (Permenkominfo 5/2020). */
export const TAKEDOWN_BASIS = 'Permenkominfo 5/2020 Pasal 15 ayat (6): 1 × 24 jam sejak perintah diterima';
export const URGENT_TAKEDOWN_BASIS = 'Permenkominfo 5/2020 Pasal 14 ayat (3) jo. Pasal 15 ayat (8): mendesak, 4 jam tanpa penundaan';
export const EVIDENCE_BASIS = 'Permenkominfo 5/2020 Pasal 20 ayat (2): bukti pemutusan akses (URL, tangkapan layar)';

/** The hours an order has: 24, or 4 when urgent. */
export function takedownHours(urgent: boolean): number {
  return urgent ? 4 : 24;
}

/**
 * When an order received at `receivedAt` must be carried out.
 * @example
 * takedownDueAt(new Date('2026-05-01T00:00:00Z'), true) // 2026-05-01T04:00:00Z
 */
export function takedownDueAt(receivedAt: Date, urgent: boolean): Date {
  return new Date(receivedAt.getTime() + takedownHours(urgent) * HOUR);
}

/**
 * The `_id` of an order: derived from its number (case and spacing ignored), so
 * a retried intake lands on the same document — the store's `_id` uniqueness
 * de-duplicates on MongoDB and FerretDB alike.
 */
export function takedownOrderId(orderNumber: string): string {
  const key = orderNumber.trim().replace(/\s+/g, ' ').toUpperCase();
  return 'to_' + createHash('sha256').update(key).digest('base64url').slice(0, 22);
}

/** The reason a withdrawn comment carries: which order, which clock. */
export function takedownReason(order: Pick<TakedownOrderDoc, 'orderNumber' | 'issuer' | 'urgent'>): Reason {
  return {
    ruleId: 'takedown.order',
    category: 'takedown',
    legalBasis: order.urgent ? URGENT_TAKEDOWN_BASIS : TAKEDOWN_BASIS,
    action: 'review',
    message: `Ditarik atas perintah take-down ${order.issuer} nomor ${order.orderNumber}.`,
    severity: 3,
    spans: [],
  };
}

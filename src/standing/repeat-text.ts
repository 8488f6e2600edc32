import { createHash } from 'node:crypto';
import type { Reason } from '../moderation/types';
import type { AuthorDoc } from '../store/models';

/** How many earlier copies of the same text, within how long, make a flood. */
export const REPEAT_LIMIT = 2;
export const REPEAT_WINDOW_MS = 24 * 3_600_000;

/**
 * A short fingerprint of a comment's text, blind to case and white space, so
 * "BELI SEKARANG!!" and "beli  sekarang!!" count as the same text.
 */
export function textFingerprint(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(folded).digest('base64url').slice(0, 16);
}

/**
 * `spam.repeat`: the author already posted this same text {@link REPEAT_LIMIT}
 * times on this site in the last day. The engine is pure and sees one text;
 * the history is the author's stored standing (read anyway on intake) joined
 * with this instance's recent texts (see recent-texts.ts).
 */
export function repeatedTextReason(author: Pick<AuthorDoc, 'history'> | null, recent: { commentId: string; hash: string }[], fingerprint: string, now: Date): Reason | undefined {
  const since = now.getTime() - REPEAT_WINDOW_MS;
  const stored = (author?.history ?? []).filter((h) => h.textHash === fingerprint && h.at && new Date(h.at).getTime() >= since).map((h) => h.commentId ?? '');
  const copies = new Set([...stored, ...recent.filter((r) => r.hash === fingerprint).map((r) => r.commentId)]).size;
  if (copies < REPEAT_LIMIT) return undefined;
  return {
    ruleId: 'spam.repeat-text',
    category: 'spam.repeat',
    legalBasis: 'Permenkominfo 5/2020 Pasal 9 ayat (4)',
    action: 'review',
    message: `Teks yang sama sudah dikirim ${copies} kali dalam 24 jam terakhir.`,
    severity: 1,
    spans: [],
  };
}

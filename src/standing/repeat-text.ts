import { createHash } from 'node:crypto';
import type { AuthorDoc } from '../store/models';

/** How long an earlier copy of the same text counts towards a flood. */
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
 * How many earlier comments of the author carry this fingerprint inside the
 * window: the author's stored standing (read anyway on intake) joined with this
 * instance's recent texts (recent-texts.ts), each comment counted once. The
 * engine is pure and sees one text; this is the history it cannot see.
 */
export function earlierCopies(author: Pick<AuthorDoc, 'history'> | null, recent: readonly { commentId: string; hash: string }[], fingerprint: string, now: Date): number {
  const since = now.getTime() - REPEAT_WINDOW_MS;
  const stored = (author?.history ?? []).filter((h) => h.textHash === fingerprint && h.at && new Date(h.at).getTime() >= since).map((h) => h.commentId ?? '');
  return new Set([...stored, ...recent.filter((r) => r.hash === fingerprint).map((r) => r.commentId)]).size;
}

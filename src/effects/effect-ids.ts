import { createHash } from 'node:crypto';

/**
 * The `_id` of an effect's event or delivery: derived from the document it is
 * written into, the revision the fact made, and what it is (`comment.created`,
 * `webhook.final`…), so every relay of the same effect lands on the same `_id`
 * and the store's uniqueness keeps one copy. Hashed, so no author id or
 * reporter id shows in an `_id` (erasure rewrites data, not keys).
 * @example
 * effectId('c_abc', 0, 'comment.created') // 'comment.created:0:…'
 */
export function effectId(hostId: string, revision: number, what: string): string {
  const digest = createHash('sha256').update(`${hostId}\u0000${revision}\u0000${what}`).digest('base64url').slice(0, 22);
  return `${what}:${revision}:${digest}`;
}

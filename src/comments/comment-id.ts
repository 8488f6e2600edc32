import { createHash } from 'node:crypto';

/**
 * A comment's `_id` is derived from (site, externalId), so a retry of the same
 * submission lands on the same document: the store's `_id` uniqueness makes
 * intake idempotent on MongoDB and FerretDB alike, and lookups stay by `_id`.
 */
export function commentIdFor(siteId: string, externalId: string): string {
  return 'c_' + createHash('sha256').update(`${siteId}\u0000${externalId}`).digest('base64url').slice(0, 22);
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Bearer tokens look like `sar_<id>_<secret>`. Only a SHA-256 hash of the
 * whole token is stored; the id part lets the store find it with one `_id`
 * lookup, and the hash is compared in constant time.
 */
export interface IssuedToken {
  id: string;
  token: string;
  tokenHash: string;
}

/** SHA-256 of a token, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Issues a new random token. */
export function issueToken(): IssuedToken {
  const id = randomBytes(9).toString('base64url');
  const token = `sar_${id}_${randomBytes(24).toString('base64url')}`;
  return { id, token, tokenHash: hashToken(token) };
}

/** The id part of a well-formed token, or undefined. */
export function tokenId(token: string): string | undefined {
  const m = /^sar_([A-Za-z0-9_-]{12})_[A-Za-z0-9_-]{32}$/.exec(token);
  return m?.[1];
}

/** Constant-time comparison of two hex hashes. */
export function hashesMatch(presentedHash: string, storedHash: string): boolean {
  const a = Buffer.from(presentedHash, 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

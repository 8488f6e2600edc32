import { z } from 'zod';

/**
 * A site's webhook URL: http(s), at most 2,000 characters, and no credentials in it —
 * a `user:pass@` part would be echoed by GET/PATCH /v1/sites, kept in the audit record
 * and in every queued delivery. Authenticate receivers by the signature instead.
 */
export const webhookUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((v) => {
    const u = new URL(v);
    return u.username === '' && u.password === '';
  }, 'must not contain a user name or password; receivers check the Saring-Signature header instead');

/** A stored URL as the API shows it: any credentials (stored before they were refused) replaced by `***`. */
export function redactUrl(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.username === '' && u.password === '') return url;
    u.username = '***';
    u.password = '';
    return u.toString();
  } catch {
    return undefined;
  }
}

import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Saring-Signature';
export const TIMESTAMP_HEADER = 'Saring-Timestamp';

/**
 * The signature of a webhook body: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`.
 * Signing the timestamp with the body lets a receiver refuse replays of old deliveries.
 * @example
 * signBody('s3cret', '{"a":1}', 1700000000) // 't=1700000000,v1=…'
 */
export function signBody(secret: string, body: string, timestamp: number): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * What a receiving site does (also used by the tests): parse the header,
 * recompute the HMAC over the RAW body, compare in constant time, and refuse
 * timestamps older than `toleranceSec`.
 */
export function verifySignature(secret: string, rawBody: string, header: string | undefined, opts: { toleranceSec?: number; nowSec?: number } = {}): boolean {
  const parts = new Map((header ?? '').split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return false;
  const nowSec = opts.nowSec ?? Math.floor(Date.now() / 1000);
  if (Math.abs(nowSec - t) > (opts.toleranceSec ?? 300)) return false;
  const expected = Buffer.from(signBody(secret, rawBody, t).split('v1=')[1] ?? '', 'hex');
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}

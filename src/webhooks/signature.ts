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
 * The signature header for several secrets: `t=<ts>,v1=<mac1>,v1=<mac2>` — during a
 * secret rotation a receiver holding either the new or the old secret finds its own.
 */
export function signBodyWith(secrets: string[], body: string, timestamp: number): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${createHmac('sha256', s).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`)].join(',');
}

/**
 * What a receiving site does (also used by the tests): parse the header,
 * recompute the HMAC over the RAW body, compare in constant time, and refuse
 * timestamps older than `toleranceSec`.
 */
export function verifySignature(secret: string, rawBody: string, header: string | undefined, opts: { toleranceSec?: number; nowSec?: number } = {}): boolean {
  const parts = (header ?? '').split(',').map((kv) => kv.split('=', 2) as [string, string | undefined]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  // several v1 values during a secret rotation: any one that matches will do
  const macs = parts.filter(([k, v]) => k === 'v1' && /^[0-9a-f]{64}$/.test(v ?? '')).map(([, v]) => Buffer.from(v as string, 'hex'));
  if (!Number.isInteger(t) || macs.length === 0) return false;
  const nowSec = opts.nowSec ?? Math.floor(Date.now() / 1000);
  if (Math.abs(nowSec - t) > (opts.toleranceSec ?? 300)) return false;
  const expected = Buffer.from(signBody(secret, rawBody, t).split('v1=')[1] ?? '', 'hex');
  return macs.some((mac) => timingSafeEqual(expected, mac));
}

import { signBodyWith, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';

export interface SendResult {
  ok: boolean;
  status?: number;
  error?: string;
}

/**
 * POSTs one signed body (one signature per secret, see signBodyWith); never throws. A receiver that does not answer
 * within `timeoutMs` counts as a failure, so a dead site cannot hold a worker slot.
 */
export async function sendWebhook(opts: { url: string; body: string; secret: string | string[]; deliveryId: string; event: string; timeoutMs: number; now: () => Date }): Promise<SendResult> {
  const t = Math.floor(opts.now().getTime() / 1000);
  try {
    const res = await fetch(opts.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Saring-Webhook/1',
        'Saring-Delivery': opts.deliveryId,
        'Saring-Event': opts.event,
        [TIMESTAMP_HEADER]: String(t),
        [SIGNATURE_HEADER]: signBodyWith(typeof opts.secret === 'string' ? [opts.secret] : opts.secret, opts.body, t),
      },
      body: opts.body,
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? { ok: true, status: res.status } : { ok: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (err) {
    const e = err as { name?: string; message?: string; cause?: { code?: string } };
    const error = e.name === 'TimeoutError' ? `timed out after ${opts.timeoutMs} ms` : (e.cause?.code ?? e.message ?? String(err));
    return { ok: false, error };
  }
}

/** Exponential backoff with ±20 % jitter: base, 2×base, 4×base, … capped at `maxMs`. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

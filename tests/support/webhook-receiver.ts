import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown> & { comment: Record<string, unknown> };
  /** The signature checked the way a site would, independently of Saring's code. */
  signatureValid: boolean;
}

/**
 * A real HTTP receiver as a news site would run it: reads the raw body,
 * checks `Saring-Signature` (HMAC-SHA256 over `t + "." + raw body`), and
 * answers with whatever `respond` says (status code, or 'hang').
 */
export async function startReceiver(secret: () => string | undefined, respond: (n: number) => number | 'hang' = () => 200) {
  const received: ReceivedWebhook[] = [];
  let requests = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests += 1;
      const raw = Buffer.concat(chunks).toString('utf8');
      const header = String(req.headers['saring-signature'] ?? '');
      const t = /t=(\d+)/.exec(header)?.[1] ?? '';
      const v1 = /v1=([0-9a-f]{64})/.exec(header)?.[1] ?? '';
      const expected = createHmac('sha256', secret() ?? '').update(`${t}.${raw}`).digest();
      const signatureValid = v1.length === 64 && t === req.headers['saring-timestamp'] && timingSafeEqual(expected, Buffer.from(v1, 'hex'));
      received.push({ headers: req.headers, raw, body: JSON.parse(raw), signatureValid });
      const answer = respond(requests);
      if (answer === 'hang') return;
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/saring`,
    received,
    requests: () => requests,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's headers, computed once. With static options (no per-request CSP
 * nonces) helmet sets the same headers on every answer through a chain of a
 * dozen middlewares; this asks helmet once at start-up what it would set and
 * then writes that list on each answer. helmet stays the source of the values.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): RequestHandler {
  const headers: [string, string][] = [];
  const probe = {
    setHeader: (name: string, value: number | string | readonly string[]) => {
      headers.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
    },
    removeHeader: () => undefined,
    getHeader: () => undefined,
  };
  let done = false;
  helmet(options)({ headers: {}, method: 'GET', url: '/' } as unknown as IncomingMessage, probe as unknown as ServerResponse, () => {
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be precomputed');
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

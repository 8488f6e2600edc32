import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's headers, computed once. With static options (no per-request CSP
 * nonces) helmet sets the same headers on every answer through a chain of a
 * dozen middlewares; this asks helmet once at start-up what it would set and
 * then writes that list on each answer. helmet stays the source of the values.
 *
 * The CSP never carries helmet's default `upgrade-insecure-requests`: the
 * service is served over plain HTTP behind a TLS-terminating proxy or on an
 * intranet host name, and that directive made browsers fetch the page's own
 * CSS and JS over https there (a bare page). TLS belongs to the proxy.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): RequestHandler {
  options = withoutUpgrade(options);
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

function withoutUpgrade(options: Readonly<HelmetOptions>): HelmetOptions {
  const csp = options.contentSecurityPolicy;
  if (csp === false) return options;
  const given = typeof csp === 'object' ? csp : {};
  return { ...options, contentSecurityPolicy: { ...given, directives: { ...given.directives, upgradeInsecureRequests: null } } };
}

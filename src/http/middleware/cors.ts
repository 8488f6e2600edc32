import type { RequestHandler } from 'express';

const allowHeaders = 'Authorization, Content-Type, If-Match, If-None-Match, X-Request-Id';
const exposeHeaders = 'ETag, Retry-After, X-Request-Id';
const allowMethods = 'GET, POST, PUT, PATCH, DELETE';

/**
 * CORS for a moderator page served from another origin (SARING_CORS_ORIGINS).
 * Only listed origins get `Access-Control-Allow-Origin` (never `*`); no
 * credentials are allowed, since the API takes bearer tokens, not cookies.
 * With no origins configured, nothing is added: the built-in page at
 * `/moderator` is same-origin and needs no CORS.
 */
export function allowCors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    if (allowed.size === 0) return next();
    res.vary('Origin');
    const origin = req.headers.origin;
    if (!origin || !allowed.has(origin)) return next();
    res.set({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': exposeHeaders });
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.set({ 'Access-Control-Allow-Methods': allowMethods, 'Access-Control-Allow-Headers': allowHeaders, 'Access-Control-Max-Age': '600' });
      res.status(204).end();
      return;
    }
    next();
  };
}

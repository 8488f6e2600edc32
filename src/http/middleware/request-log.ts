import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare module 'express-serve-static-core' {
  interface Request {
    id?: string;
  }
}

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is sane,
 * else a new UUID), echoes it in the answer, and logs the outcome once it is
 * sent: 5xx at error, 4xx at info, the rest at debug. Only method, path
 * (no query), status, time and id are logged — never headers (tokens) or
 * bodies (comment text, personal data). Hand-written rather than pino-http:
 * that one builds a child logger and serialisers for every request, about an
 * eighth of the dry run's CPU, for lines that are mostly below the level.
 */
export function logRequests(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'info' : 'debug';
      if (!logger.isLevelEnabled(level)) return;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      logger[level]({ req: { id, method: req.method, url: req.originalUrl.split('?')[0] }, res: { statusCode: status }, responseTime: Math.round(ms * 10) / 10 }, 'request completed');
    });
    next();
  };
}

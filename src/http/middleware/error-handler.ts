import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../../errors';
import { isStoreUnavailable } from '../../store/errors';

/** Maps body-parser's own errors to catalogued ones. */
function fromBodyParser(err: { type?: string; status?: number; message?: string }): AppError | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return new AppError('bad_json', `The request body is not valid JSON: ${err.message ?? ''}`.trim());
    case 'entity.too.large':
      return new AppError('payload_too_large');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('unsupported_media_type', err.message);
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new AppError('bad_request', err.message);
    default:
      return undefined;
  }
}

/** A value the store could not cast (a bad id or date slipped past validation) is the caller's 400, not our 500. */
function fromCastError(err: { name?: string; path?: string }): AppError | undefined {
  if (err?.name !== 'CastError') return undefined;
  return new AppError('bad_request', `The value of ${err.path ?? 'a parameter'} is malformed.`, [{ path: err.path ?? '(query)', message: 'malformed value' }]);
}

/** Turns anything thrown into `{ error: { code, message, details?, requestId } }`; never leaks a stack. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    let appErr: AppError;
    if (err instanceof AppError) appErr = err;
    else if (isStoreUnavailable(err)) appErr = new AppError('store_unavailable', undefined, undefined, { retryAfterSeconds: 2 });
    else appErr = fromBodyParser(err) ?? fromCastError(err) ?? new AppError('internal');
    if (appErr.code === 'internal') logger.error({ err, requestId: req.id }, 'unhandled error');
    else if (appErr.code === 'store_unavailable') logger.warn({ requestId: req.id, err: { name: err?.name, message: err?.message } }, 'store unavailable');
    if (appErr.retryAfterSeconds !== undefined) res.set('Retry-After', String(appErr.retryAfterSeconds));
    if (appErr.code === 'store_unavailable' && !res.get('Retry-After')) res.set('Retry-After', '2');
    res.status(appErr.status).json({
      error: { code: appErr.code, message: appErr.message, ...(appErr.details ? { details: appErr.details } : {}), requestId: String(req.id ?? '') },
    });
  };
}

/** The 404 for unknown routes. */
export const notFound: RequestHandler = (req, _res, next) => next(new AppError('not_found', `No route for ${req.method} ${req.path}`));

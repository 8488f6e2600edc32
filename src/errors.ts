/**
 * The error catalogue and the one application error, shared by every use case
 * and every entry point. A code's `status` is the class of refusal it is (the
 * HTTP status the API answers with; the CLI reads it as "the caller's fault or
 * ours"); turning an error into a response is the HTTP layer's job
 * (src/http/middleware/error-handler.ts), into an exit code the CLI's.
 */
export const errorCatalogue = {
  bad_json: { status: 400, message: 'The request body is not valid JSON.' },
  bad_request: { status: 400, message: 'The request is malformed.' },
  unauthenticated: { status: 401, message: 'A valid bearer token is required.' },
  forbidden: { status: 403, message: 'This token may not do that.' },
  not_found: { status: 404, message: 'Not found.' },
  conflict: { status: 409, message: 'The resource changed; reload it and try again.' },
  precondition_failed: { status: 412, message: 'If-Match does not match the current version.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'Send the body as application/json.' },
  validation_failed: { status: 422, message: 'The request body is invalid.' },
  precondition_required: { status: 428, message: 'This request needs an If-Match header.' },
  rate_limited: { status: 429, message: 'Too many requests; slow down.' },
  internal: { status: 500, message: 'Something went wrong on our side.' },
  store_unavailable: { status: 503, message: 'The comment store is unavailable; retry shortly.' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export interface ErrorDetail {
  path?: string;
  message: string;
  [key: string]: unknown;
}

/** The one application error: a catalogued code, its status, a public message and details. */
export class AppError extends Error {
  readonly status: number;
  /** Whole seconds after which a retry may succeed (rate limits, a store outage); the API sends it as Retry-After. */
  readonly retryAfterSeconds?: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ErrorDetail[],
    opts: { retryAfterSeconds?: number } = {},
  ) {
    super(message ?? errorCatalogue[code].message);
    this.status = errorCatalogue[code].status;
    if (opts.retryAfterSeconds !== undefined) this.retryAfterSeconds = Math.max(1, Math.ceil(opts.retryAfterSeconds));
  }
}

/**
 * True when the error refuses what the caller asked (bad input, a conflict,
 * something missing) rather than failing on our side: the CLI prints it as a
 * usage error, the API answers with a 4xx.
 */
export function isRefusal(err: unknown): err is AppError {
  return err instanceof AppError && err.status < 500;
}

/** The message of a refusal with its details, for a terminal: `The request body is invalid: no such site: x`. */
export function describeRefusal(err: AppError): string {
  return err.details?.length ? err.details.map((d) => d.message).join('; ') : err.message;
}

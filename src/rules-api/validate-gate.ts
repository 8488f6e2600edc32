import { AppError } from '../errors';
import { TokenBuckets } from '../token-buckets';

/** Limits of the expensive validation work: per principal per minute, and at once on this instance. */
export interface ValidateGateLimits {
  perMinute: number;
  burst: number;
  maxConcurrent: number;
}

/** Runs one piece of validation work once admitted. */
export type Admit = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * Guards the work of compiling a candidate ruleset (validate, PUT): a bucket per
 * principal of its own, separate from the general request limit, as one such
 * request holds a worker thread for up to its time budget; and a cap on validations
 * running at once on this instance. Only requests that reach a worker are charged:
 * a malformed body or a file over a limit costs nothing here. Both refusals are 429.
 *
 * @example
 * const gate = createValidateGate({ perMinute: 20, burst: 5, maxConcurrent: 1 });
 * await gate.for(principal.id)(() => validateInWorker(job));
 */
export function createValidateGate(limits: ValidateGateLimits, now?: () => number): { for(principalId: string): Admit } {
  const buckets = new TokenBuckets({ perSecond: limits.perMinute / 60, burst: limits.burst }, { maxKeys: 10_000, ...(now ? { now } : {}) });
  let running = 0;
  return {
    for(principalId) {
      return async (work) => {
        const wait = buckets.take(principalId);
        if (wait > 0) throw new AppError('rate_limited', 'Too many rule validations for this token; retry after the Retry-After delay.', undefined, { retryAfterSeconds: wait });
        if (running >= limits.maxConcurrent) throw new AppError('rate_limited', 'Another rule validation is running on this instance; retry shortly.', undefined, { retryAfterSeconds: 2 });
        running++;
        try {
          return await work();
        } finally {
          running--;
        }
      };
    },
  };
}

import { AppError, describeRefusal, errorCatalogue, isRefusal, type ErrorCode } from '../src/errors';

/** The error catalogue (src/errors.ts): every code a status and a public message; refusals apart from our failures. */
describe('the error catalogue', () => {
  const codes = Object.keys(errorCatalogue) as ErrorCode[];

  it.each(codes)('when %s is thrown without a message, then it carries its catalogued status and message', (code) => {
    const err = new AppError(code);
    expect(err.status).toBe(errorCatalogue[code].status);
    expect(err.message).toBe(errorCatalogue[code].message);
    expect(err.message.length).toBeGreaterThan(0);
  });

  it.each([
    ['validation_failed', true],
    ['conflict', true],
    ['not_found', true],
    ['rate_limited', true],
    ['internal', false],
    ['store_unavailable', false],
  ] as [ErrorCode, boolean][])('when %s is thrown, then isRefusal says %s (the caller\'s fault, not ours)', (code, refusal) => {
    expect(isRefusal(new AppError(code))).toBe(refusal);
  });

  it('when something other than an AppError is thrown, then it is not a refusal', () => {
    expect(isRefusal(new Error('validation_failed'))).toBe(false);
    expect(isRefusal({ status: 400 })).toBe(false);
  });

  it('when a refusal has details, then a terminal shows the details, else the message', () => {
    expect(describeRefusal(new AppError('validation_failed', undefined, [{ path: 'siteIds', message: 'no such site: a' }, { path: 'siteIds', message: 'no such site: b' }]))).toBe('no such site: a; no such site: b');
    expect(describeRefusal(new AppError('conflict', 'Site x already exists.'))).toBe('Site x already exists.');
  });

  it.each([
    [0.2, 1],
    [1, 1],
    [2.01, 3],
  ])('when a refusal may be retried after %s s, then it says %s whole seconds (the Retry-After the API sends)', (seconds, whole) => {
    expect(new AppError('rate_limited', undefined, undefined, { retryAfterSeconds: seconds }).retryAfterSeconds).toBe(whole);
  });
});

import { AppError } from '../errors';

/**
 * Opaque page cursors: the sort key of the last item and its `_id`, so the
 * next page starts strictly after it even when sort keys tie.
 */
export function encodeCursor(key: number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

/** The largest time a JS Date can hold (ms); past it `new Date(key)` is invalid and the store throws a CastError. */
const MAX_TIME = 8.64e15;
const MAX_ID_LENGTH = 200;

function isTimeKey(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_TIME;
}

/** The `[key, id]` of a cursor this service issued; anything else is a 422 on `cursor`. */
export function decodeCursor(cursor: string): [number, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && isTimeKey(v[0]) && typeof v[1] === 'string' && v[1].length <= MAX_ID_LENGTH) return [v[0], v[1]];
  } catch {
    // fall through to the validation error
  }
  throw new AppError('validation_failed', undefined, [{ path: 'cursor', message: 'not a cursor this service issued' }]);
}

import { AppError } from '../http/errors';

/**
 * Opaque page cursors: the sort key of the last item and its `_id`, so the
 * next page starts strictly after it even when sort keys tie.
 */
export function encodeCursor(key: number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

/** The `[key, id]` of a cursor this service issued; anything else is a 422 on `cursor`. */
export function decodeCursor(cursor: string): [number, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through to the validation error
  }
  throw new AppError('validation_failed', undefined, [{ path: 'cursor', message: 'not a cursor this service issued' }]);
}

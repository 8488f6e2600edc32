import type { z } from 'zod';
import { AppError, type ErrorDetail } from './errors';

/** Finds MongoDB operators (`$gt`) and dotted keys anywhere in a JSON value. */
export function findOperatorKeys(value: unknown, path: string[] = [], out: ErrorDetail[] = [], depth = 0): ErrorDetail[] {
  if (depth > 32) {
    out.push({ path: path.join('.'), message: 'nested too deeply' });
    return out;
  }
  if (Array.isArray(value)) value.forEach((v, i) => findOperatorKeys(v, [...path, String(i)], out, depth + 1));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('$') || k.includes('.') || k.includes('\0')) out.push({ path: [...path, k].join('.'), message: 'keys starting with "$" or containing "." are not allowed' });
      findOperatorKeys(v, [...path, k], out, depth + 1);
    }
  }
  return out;
}

/**
 * Parses a request body with a zod schema; any problem (including operator
 * keys) becomes a 422 `validation_failed` with one detail per field path.
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const operators = findOperatorKeys(body);
  if (operators.length) throw new AppError('validation_failed', undefined, operators);
  return parseWith(schema, body);
}

/** Parses query parameters or any other value; problems become a 422. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message, code: i.code }));
  throw new AppError('validation_failed', undefined, details);
}

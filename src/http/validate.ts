import type { z } from 'zod';
import { AppError, type ErrorDetail } from '../errors';

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

/** Where a parsed value came from: it names the part of the request in the error. */
export type RequestPart = 'body' | 'query' | 'path';

const partWording: Record<RequestPart, string> = {
  body: 'The request body is invalid',
  query: 'The query string is invalid',
  path: 'The path is invalid',
};

type Issue = z.core.$ZodIssue;

/** `limit must be ≤ 200`, `authorId must be at most 200 characters`, else `field: zod's message`. */
function describeIssue(field: string, issue: Issue): string {
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    const big = issue.code === 'too_big';
    const bound = Number(big ? issue.maximum : issue.minimum);
    const inclusive = issue.inclusive !== false;
    if (issue.origin === 'number' || issue.origin === 'int') return `${field} must be ${big ? (inclusive ? '≤' : '<') : inclusive ? '≥' : '>'} ${bound}`;
    if (issue.origin === 'string' && inclusive) return `${field} must be ${big ? 'at most' : 'at least'} ${bound} character${bound === 1 ? '' : 's'}`;
  }
  return `${field}: ${issue.message}`;
}

/**
 * Parses query parameters, path parameters or any other value; problems become a
 * 422 whose details name the field. For a query string or a path, the message
 * itself says which part of the request and which field were wrong
 * (`The query string is invalid: limit must be ≤ 200.`); a body keeps the
 * catalogue message, with the fields in details.
 */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, part: RequestPart = 'body'): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const pathOf = (i: Issue) => i.path.map(String).join('.') || `(${part})`;
  const details = issues.map((i) => ({ ...(part === 'body' ? {} : { in: part }), path: pathOf(i), message: i.message, code: i.code }));
  const message = part === 'body' ? undefined : `${partWording[part]}: ${issues.map((i) => describeIssue(i.path.length ? pathOf(i) : part, i)).join('; ')}.`;
  throw new AppError('validation_failed', message, details);
}

/** parseWith for `req.query`. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  return parseWith(schema, query, 'query');
}

/** parseWith for `req.params`. */
export function parseParams<T extends z.ZodType>(schema: T, params: unknown): z.infer<T> {
  return parseWith(schema, params, 'path');
}

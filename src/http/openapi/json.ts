/** Small builders of the OpenAPI document's JSON Schema 2020-12 pieces (the hand-written response schemas). */

export type Json = Record<string, unknown>;

export const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
export const str = (extra: Json = {}): Json => ({ type: 'string', ...extra });
export const int: Json = { type: 'integer' };
export const bool: Json = { type: 'boolean' };
export const dateTime = str({ format: 'date-time' });
export const opt = (schema: Json): Json => ({ anyOf: [schema, { type: 'null' }] });
export const list = (items: Json): Json => ({ type: 'array', items });
export const obj = (required: string[], properties: Json, additionalProperties: boolean | Json = true): Json => ({ type: 'object', required, properties, additionalProperties });
export const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });

/** Every error status of an operation answers with the one error body. */
export function errors(...statuses: number[]): Json {
  const byStatus: Json = {};
  for (const s of statuses) byStatus[String(s)] = { $ref: `#/components/responses/Error${s}` };
  return byStatus;
}
/** Every authenticated operation can also be rate limited (429 with Retry-After). */
export const auth = [401, 403, 429];
export const body = [400, 413, 415, 422];

export const idParam = (name: string, description: string): Json => ({ name, in: 'path', required: true, description, schema: str() });
export const requestBody = (schema: Json, required = true): Json => ({ required, content: { 'application/json': { schema } } });
/** Operations anyone may call, without a token. */
export const open: Json = { security: [] };

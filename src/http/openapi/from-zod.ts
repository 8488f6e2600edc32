import { z } from 'zod';
import type { Json } from './json';

/**
 * JSON Schemas generated from the zod schemas the routes validate with, so the
 * document states every request limit exactly once (in the zod schema). `io:
 * 'input'` describes what a client sends: a field with a default is optional.
 * Refinements across fields (`until` or `hours`) cannot be said in JSON Schema
 * and are left to the 422 the route answers with; transforms are described by
 * their input.
 */
export function fromZod(schema: z.ZodType, descriptions: Record<string, string> = {}): Json {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json;
  delete generated.$schema;
  return describe(generated, descriptions);
}

/**
 * Adds descriptions to the properties of a generated schema: `'items.note'`
 * names the `note` property of the array `items`' elements, `'items.'` the element itself. Descriptions are
 * prose for the reader; the limits stay the zod schema's.
 */
export function describe(schema: Json, descriptions: Record<string, string>): Json {
  for (const [path, description] of Object.entries(descriptions)) {
    let at: Json | undefined = schema;
    for (const key of path.split('.')) at = propertyOf(at, key);
    if (!at) throw new Error(`OpenAPI: no property ${path} to describe`);
    at.description = description;
  }
  return schema;
}

function propertyOf(schema: Json | undefined, key: string): Json | undefined {
  if (!schema) return undefined;
  const items = schema.items as Json | undefined;
  // `items.` is the element of the array `items`
  if (key === '') return schema.type === 'array' ? items : schema;
  if (schema.type === 'array' && items) return propertyOf(items, key);
  const properties = schema.properties as Record<string, Json> | undefined;
  if (properties?.[key]) return properties[key];
  // a union of objects (ValidateRules): the first branch that has the key
  for (const branch of (schema.anyOf as Json[] | undefined) ?? []) {
    const found = propertyOf(branch, key);
    if (found) return found;
  }
  return undefined;
}

/** The query parameters of a zod object schema (merged, first one wins, when several describe one route). */
export function queryParameters(schemas: z.ZodType[], descriptions: Record<string, string> = {}): Json[] {
  const params = new Map<string, Json>();
  for (const schema of schemas) {
    const properties = (fromZod(schema).properties ?? {}) as Record<string, Json>;
    for (const [name, property] of Object.entries(properties)) {
      if (params.has(name)) continue;
      params.set(name, { name, in: 'query', schema: property, ...(descriptions[name] ? { description: descriptions[name] } : {}) });
    }
  }
  return [...params.values()];
}

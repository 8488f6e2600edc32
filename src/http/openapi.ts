import { Router } from 'express';
import { errorCatalogue } from '../errors';
import { adminPaths } from './openapi/admin-paths';
import { commentPaths } from './openapi/comment-paths';
import { coreResponseSchemas } from './openapi/core-schemas';
import { json, ref, type Json } from './openapi/json';
import { legalResponseSchemas } from './openapi/legal-schemas';
import { requestSchemas, type RequestLimits } from './openapi/request-schemas';

/**
 * The OpenAPI 3.1 description of the HTTP API (DESIGN.md), served without
 * auth at `GET /v1/openapi.json`. Schemas are JSON Schema 2020-12, so a test
 * can validate real responses against them (tests/http/openapi.test.ts).
 * Request bodies and query parameters are generated from the zod schemas the
 * routes validate with (src/http/openapi/from-zod.ts), so their limits cannot
 * drift; response schemas are written by hand (no zod schema builds a
 * response) and checked against real answers. Operations marked
 * `x-saring-planned: true` are in the contract but not served by this build yet.
 */

/** Operations of DESIGN.md that this build does not serve yet (checked by the OpenAPI test). */
export const plannedOperations: ReadonlyArray<string> = [];

/** One response per error status, naming the catalogued codes it carries. */
function errorResponses(): Json {
  const responses: Json = {};
  for (const [code, entry] of Object.entries(errorCatalogue)) {
    const key = `Error${entry.status}`;
    const prior = responses[key] as { description: string } | undefined;
    responses[key] = json(ref('Error'), prior ? `${prior.description}, ${code}` : `error: ${code}`);
  }
  return responses;
}

/** Builds the OpenAPI 3.1 document for a configuration's request limits. */
export function buildOpenApiDocument(limits: RequestLimits, version = '0.1.0'): Json {
  const marked = structuredClone({ ...commentPaths, ...adminPaths }) as Record<string, Record<string, Json>>;
  for (const op of plannedOperations) {
    const [method, route] = op.split(' ') as [string, string];
    const target = marked[route]?.[method.toLowerCase()];
    if (target) Object.assign(target, { 'x-saring-planned': true, description: 'Planned in DESIGN.md; not served by this build yet.' });
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Saring',
      version,
      description: 'Comment moderation for Indonesian news sites. Errors are always `{ error: { code, message, details?, requestId } }`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: ['comments', 'moderation', 'legal', 'rules', 'admin', 'operations'].map((name) => ({ name })),
    paths: marked,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A site, moderator, legal or admin token (`sar_…`), or SARING_ADMIN_TOKEN.' } },
      schemas: { ...coreResponseSchemas, ...legalResponseSchemas, ...requestSchemas(limits) },
      responses: errorResponses(),
    },
  };
}

/** `GET /v1/openapi.json`, no auth; built once, for this configuration's limits. */
export function openApiRoutes(limits: RequestLimits): Router {
  const router = Router();
  const document = JSON.stringify(buildOpenApiDocument(limits));
  router.get('/v1/openapi.json', (_req, res) => {
    res.type('application/json').send(document);
  });
  return router;
}

import Ajv2020 from 'ajv/dist/2020';
import request from 'supertest';
import { MAX_ITEMS } from '../../src/takedown/schema';
import { aComment, buildTestApp, createSite, type TestApp } from '../support/app';

/**
 * The request schemas of GET /v1/openapi.json are generated from the zod
 * schemas the routes parse with: a limit is stated once, so the document
 * follows the configuration and cannot drift from what the routes accept.
 */

type Json = Record<string, unknown>;
type Schemas = Record<string, Json & { properties?: Record<string, Json & { properties?: Record<string, Json> }> }>;

describe('OpenAPI request schemas generated from zod', () => {
  let t: TestApp;
  let site: string;
  let schemas: Schemas;
  let validates: (component: string, body: unknown) => boolean;
  beforeAll(async () => {
    t = await buildTestApp({ label: 'openapizod', env: { SARING_MAX_TEXT_LENGTH: '1234' } });
    site = (await createSite(t.app, 'oaz-site')).token;
    const doc = (await request(t.app).get('/v1/openapi.json')).body as { components: { schemas: Schemas } };
    schemas = doc.components.schemas;
    const base = 'https://saring.test/openapi.json';
    const rebased = JSON.parse(JSON.stringify(schemas).replaceAll('"#/components/schemas/', `"${base}#/$defs/`)) as Schemas;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:/i);
    ajv.addSchema({ $id: base, $defs: rebased });
    validates = (component, body) => ajv.validate({ $ref: `${base}#/$defs/${component}` }, body) as boolean;
  });
  afterAll(() => t.close());

  it('when the text limit is configured (SARING_MAX_TEXT_LENGTH=1234), then the submit and dry-run bodies state exactly it', () => {
    expect(schemas.SubmitComment!.properties!.text).toMatchObject({ type: 'string', minLength: 1, maxLength: 1234 });
    expect(schemas.Moderate!.properties!.text).toMatchObject({ maxLength: 1234 });
  });

  it('when the zod schema limits the author and the order items, then so does the document (the limits the hand-written one lacked)', () => {
    expect(schemas.SubmitComment!.properties!.author!.properties).toMatchObject({ id: { minLength: 1, maxLength: 200 }, name: { minLength: 1, maxLength: 200 } });
    expect(schemas.TakedownOrderInput!.properties!.items).toMatchObject({ minItems: 1, maxItems: MAX_ITEMS });
  });

  const text = (n: number) => 'a'.repeat(n);
  it.each([
    ['a comment at the text limit', aComment({ text: text(1234) }), true],
    ['a comment one character past it', aComment({ text: text(1235) }), false],
    ['a comment with an author name past 200 characters', aComment({ author: { id: 'x', name: text(201) } }), false],
    ['a comment with a field the API does not know', aComment({ score: 1 }), false],
    ['a comment without an author', aComment({ author: undefined }), false],
  ])('when %s is sent, then the document and the route agree on it', async (_name, body, accepted) => {
    expect(validates('SubmitComment', body)).toBe(accepted);
    const res = await request(t.app).post('/v1/comments').set('Authorization', `Bearer ${site}`).send(body);
    expect(res.status === 201 || res.status === 200).toBe(accepted);
    if (!accepted) expect(res.status).toBe(422);
  });
});

import { exportQuery } from '../../author-data/schema';
import { RULE_FILE_NAME } from '../../rules/names';
import { evidenceQuery, listOrdersQuery } from '../../takedown/schema';
import { queryParameters } from './from-zod';
import { auth, body, errors, idParam, json, ref, requestBody, str, type Json } from './json';

const ruleNameParam: Json = { name: 'name', in: 'path', required: true, description: 'A rule file name: `[a-z0-9_-]+.yaml` (or `.yml`).', schema: str({ pattern: RULE_FILE_NAME.source }) };

/** Authors (standing, bans, data requests), take-down orders, rules and administration. */
export const adminPaths: Json = {
  '/v1/sites/{id}/authors/{authorId}': {
    get: {
      summary: "An author's standing on a site (moderator, admin, or the site itself): outcomes in the window, repeat offender, ban",
      tags: ['moderation'],
      parameters: [idParam('id', 'site id'), idParam('authorId', 'author id')],
      responses: { 200: json(ref('Standing'), 'the standing'), ...errors(...auth, 404, 422, 503) },
    },
  },
  '/v1/sites/{id}/authors/{authorId}/ban': {
    post: {
      summary: 'Ban an author on one site, until a time or for some hours (moderator of the site, admin)',
      tags: ['moderation'],
      parameters: [idParam('id', 'site id'), idParam('authorId', 'author id')],
      requestBody: requestBody(ref('Ban')),
      responses: { 200: json(ref('Standing'), 'the standing with the ban'), ...errors(...body, ...auth, 404, 503) },
    },
    delete: {
      summary: 'Lift a ban (optional body `{ reason }`)',
      tags: ['moderation'],
      parameters: [idParam('id', 'site id'), idParam('authorId', 'author id')],
      requestBody: requestBody(ref('LiftBan'), false),
      responses: { 200: json(ref('Standing'), 'the standing without the ban'), ...errors(...body, ...auth, 404, 503) },
    },
  },
  '/v1/sites/{id}/authors/{authorId}/export': {
    get: {
      summary: 'Everything Saring holds about an author on a site (admin, or a legal officer of the site): comments with decisions, reports on them and filed by them, standing, bans, audit entries, take-down orders. Audited (`author.export`); served as a download',
      description: 'Permenkominfo 5/2020 Pasal 11, 26–27 (a lawful request, 5 calendar days); UU PDP Pasal 30–32 (access, 3 × 24 h).',
      tags: ['legal'],
      parameters: [idParam('id', 'site id'), idParam('authorId', 'author id'), ...queryParameters([exportQuery])],
      responses: { 200: json(ref('AuthorExport'), 'the export'), ...errors(...auth, 404, 422, 503) },
    },
  },
  '/v1/sites/{id}/authors/{authorId}/erase': {
    post: {
      summary: "Erase an author's name and text on a site (admin, or a legal officer of the site): decisions and counts stay, the author id becomes a pseudonym, the standing is deleted; one anonymised audit line (`author.erase`)",
      description: 'UU PDP Pasal 40–43 (erasure, 3 × 24 h). Safe to repeat after an interruption.',
      tags: ['legal'],
      parameters: [idParam('id', 'site id'), idParam('authorId', 'author id')],
      requestBody: requestBody(ref('EraseRequest')),
      responses: { 200: json(ref('EraseReceipt'), 'erased'), ...errors(...body, ...auth, 404, 409, 503) },
    },
  },
  '/v1/takedown-orders': {
    post: {
      summary: 'Record a ministry take-down order from SAMAN (admin, legal): due in 24 h (urgent: 4 h); every covered comment is withdrawn at once (`pending`, reason `takedown.order`, a `comment.withdrawn` webhook with the order, `takedown.received` on the stream)',
      description: 'Permenkominfo 5/2020 Pasal 14–16. The same order number again answers 200 with the stored order (and finishes an interrupted withdrawal); with other content it is a 409.',
      tags: ['legal'],
      requestBody: requestBody(ref('TakedownOrderInput')),
      responses: { 201: json(ref('TakedownOrder'), 'recorded, comments withdrawn'), 200: json(ref('TakedownOrder'), 'this order was already recorded'), ...errors(...body, ...auth, 409, 503) },
    },
    get: {
      summary: 'Take-down orders of the sites this token may see, newest first (admin, legal, moderator)',
      tags: ['legal'],
      parameters: queryParameters([listOrdersQuery]),
      responses: { 200: json(ref('TakedownList'), 'the orders'), ...errors(...auth, 422, 503) },
    },
  },
  '/v1/takedown-orders/{id}': {
    get: { summary: 'One take-down order (admin; legal and moderators of all its sites)', tags: ['legal'], parameters: [idParam('id', 'order id')], responses: { 200: json(ref('TakedownOrder'), 'the order'), ...errors(...auth, 404, 503) } },
  },
  '/v1/takedown-orders/{id}/warnings': {
    post: {
      summary: 'Record a warning letter for a missed order (admin, legal; Pasal 15(10)–(12): every 24 h / 4 h, at most three before sanctions); audited',
      tags: ['legal'],
      parameters: [idParam('id', 'order id')],
      requestBody: requestBody(ref('TakedownWarningInput'), false),
      responses: { 201: json(ref('TakedownOrder'), 'the order with the letter'), ...errors(...body, ...auth, 404, 409, 503) },
    },
  },
  '/v1/takedown-orders/{id}/complete': {
    post: {
      summary: 'Confirm the order is carried out (moderator of its sites, legal, admin): every covered comment not yet rejected is rejected now (a moderator decision), and the order records when and by whom; `takedown.completed`',
      tags: ['legal'],
      parameters: [idParam('id', 'order id')],
      requestBody: requestBody(ref('TakedownCompleteInput'), false),
      responses: { 200: json(ref('TakedownOrder'), 'completed'), ...errors(...body, ...auth, 404, 409, 503) },
    },
  },
  '/v1/takedown-orders/{id}/evidence': {
    get: {
      summary: 'The evidence of a take-down (Pasal 20(2)): each item with its URL or comment id, the text, when and by whom it was withdrawn, and the decision. JSON, or a printable page with `Accept: text/html` or `format=html`; audited',
      tags: ['legal'],
      parameters: [idParam('id', 'order id'), ...queryParameters([evidenceQuery])],
      responses: { 200: { description: 'the evidence', content: { 'application/json': { schema: ref('TakedownEvidence') }, 'text/html': { schema: str() } } }, ...errors(...auth, 404, 422, 503) },
    },
  },
  '/v1/rules': { get: { summary: 'List rule files with their ETags and the serving ruleset version (moderator, admin)', tags: ['rules'], responses: { 200: json(ref('RuleList'), 'rule files'), ...errors(...auth) } } },
  '/v1/rules/validate': {
    post: {
      summary: 'Validate candidate rule files against the rest of the directory (moderator, admin), in a worker within a time and memory budget, with the cost on the clean sample; writes nothing',
      description: 'A file over a per-file limit, or a validation past its budget, is a 422 naming the limit (docs/reliability.md). Validations have their own rate limit per token (429).',
      tags: ['rules'],
      requestBody: requestBody(ref('ValidateRules')),
      responses: { 200: json(ref('ValidationResult'), 'ok, or the issues with file, line and rule id'), ...errors(...body, ...auth) },
    },
  },
  '/v1/rules/{name}': {
    get: {
      summary: 'One rule file: raw YAML by default, JSON with `Accept: application/json`; strong ETag',
      tags: ['rules'],
      parameters: [ruleNameParam, { name: 'If-None-Match', in: 'header', schema: str() }],
      responses: {
        200: { description: 'the file', headers: { ETag: { schema: str() } }, content: { 'application/yaml': { schema: str() }, 'application/json': { schema: ref('RuleFile') } } },
        304: { description: 'not modified (If-None-Match matched)' },
        ...errors(400, ...auth, 404),
      },
    },
    put: {
      summary: 'Replace (If-Match) or create (If-None-Match: *) a rule file (admin); validated, written atomically, live at once, versioned',
      tags: ['rules'],
      description: 'Refused with 422 when over a limit, past the validation budget, or past the cost gate on the clean sample (with the numbers); `force=true` accepts a ruleset only the cost gate refuses, and is audited.',
      parameters: [
        ruleNameParam,
        { name: 'If-Match', in: 'header', schema: str() },
        { name: 'If-None-Match', in: 'header', schema: str() },
        { name: 'force', in: 'query', schema: str({ enum: ['true', 'false'] }), description: 'accept a ruleset the cost gate refuses (audited)' },
      ],
      requestBody: { required: true, content: { 'application/yaml': { schema: str() }, 'text/yaml': { schema: str() }, 'text/plain': { schema: str() }, 'application/json': { schema: ref('PutRuleJson') } } },
      responses: {
        200: json(ref('RuleWriteResult'), 'replaced; the new ruleset serves'),
        201: json(ref('RuleWriteResult'), 'created; the new ruleset serves'),
        ...errors(...body, ...auth, 409, 412, 428, 503),
      },
    },
  },
  '/v1/sites': {
    post: {
      summary: 'Create a site and its API key (admin); the key is shown once',
      tags: ['admin'],
      requestBody: requestBody(ref('CreateSite')),
      responses: { 201: json(ref('CreatedSite'), 'created'), ...errors(...body, ...auth, 409, 503) },
    },
  },
  '/v1/sites/{id}': {
    get: { summary: 'A site (admin)', tags: ['admin'], parameters: [idParam('id', 'site id')], responses: { 200: json(ref('Site'), 'the site'), ...errors(...auth, 404, 503) } },
    patch: {
      summary: 'Change a site name, webhook or policy (admin)',
      tags: ['admin'],
      parameters: [idParam('id', 'site id')],
      requestBody: requestBody(ref('UpdateSite')),
      responses: { 200: json(ref('Site'), 'the site'), ...errors(...body, ...auth, 404, 503) },
    },
  },
  '/v1/sites/{id}/webhook-secret': {
    post: {
      summary: 'Rotate the webhook signing secret (admin); the new one is shown once, the old one also signs until the grace period ends',
      tags: ['admin'],
      parameters: [idParam('id', 'site id')],
      requestBody: requestBody(ref('RotateSecret'), false),
      responses: { 200: json(ref('RotatedSecret'), 'rotated'), ...errors(...body, ...auth, 404, 409, 503) },
    },
  },
  '/v1/principals': {
    post: {
      summary: 'Create a moderator, admin, legal or site token (admin); shown once',
      tags: ['admin'],
      requestBody: requestBody(ref('CreatePrincipal')),
      responses: { 201: json(ref('CreatedPrincipal'), 'created'), ...errors(...body, ...auth, 503) },
    },
  },
  '/v1/principals/{id}': { delete: { summary: 'Revoke a token (admin)', tags: ['admin'], parameters: [idParam('id', 'token id')], responses: { 204: { description: 'revoked' }, ...errors(...auth, 404, 503) } } },
};

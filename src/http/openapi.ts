import { Router } from 'express';
import { CATEGORY_OR_FAMILY, REPORT_REASON, RULE_FILE_NAME } from '../rules/names';
import { errorCatalogue } from '../errors';

/**
 * The OpenAPI 3.1 description of the HTTP API (DESIGN.md), served without
 * auth at `GET /v1/openapi.json`. Schemas are JSON Schema 2020-12, so a test
 * can validate real responses against them (tests/http/openapi.test.ts).
 * Operations marked `x-saring-planned: true` are in the contract but not
 * served by this build yet.
 */

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const str = (extra: Json = {}): Json => ({ type: 'string', ...extra });
const dateTime = str({ format: 'date-time' });
const opt = (schema: Json): Json => ({ anyOf: [schema, { type: 'null' }] });
const obj = (required: string[], properties: Json, additionalProperties: boolean | Json = true): Json => ({ type: 'object', required, properties, additionalProperties });
const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });

/** Every error status of an operation answers with the one error body. */
function errors(...statuses: number[]): Json {
  const byStatus: Json = {};
  for (const s of statuses) byStatus[String(s)] = { $ref: `#/components/responses/Error${s}` };
  return byStatus;
}
/** Every authenticated operation can also be rate limited (429 with Retry-After). */
const auth = [401, 403, 429];
const body = [400, 413, 415, 422];

const schemas: Json = {
  Error: obj(['error'], {
    error: obj(['code', 'message', 'requestId'], {
      code: str({ enum: Object.keys(errorCatalogue) }),
      message: str(),
      details: { type: 'array', items: obj(['message'], { path: str(), message: str() }) },
      requestId: str(),
    }, false),
  }, false),
  Span: obj(['start', 'end', 'text'], { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 }, text: str() }),
  Reason: obj(['ruleId', 'category', 'legalBasis', 'action', 'message', 'spans'], {
    ruleId: str(),
    category: str(),
    legalBasis: str({ description: 'the provision in force when the decision was made (rule files give it with effective dates); stored with the decision and never rewritten' }),
    action: str({ enum: ['reject', 'review', 'mask', 'flag'] }),
    message: str(),
    severity: { type: 'number' },
    spans: { type: 'array', items: ref('Span') },
  }),
  Status: str({ enum: ['approved', 'pending', 'rejected'] }),
  Decision: obj(['status', 'action', 'reasons', 'maskedText', 'rulesetVersion'], {
    status: ref('Status'),
    action: str({ enum: ['approve', 'reject', 'review', 'mask', 'flag'] }),
    reasons: { type: 'array', items: ref('Reason') },
    maskedText: str(),
    rulesetVersion: str(),
  }),
  SubmitComment: obj(['externalId', 'articleId', 'author', 'text'], {
    externalId: str({ maxLength: 200 }),
    articleId: str({ maxLength: 200 }),
    articleUrl: str({ format: 'uri' }),
    articleTitle: str({ maxLength: 500 }),
    section: str({ maxLength: 200 }),
    parentId: str({ maxLength: 200 }),
    author: obj(['id', 'name'], { id: str(), name: str() }, false),
    text: str({ minLength: 1 }),
    language: str({ enum: ['id', 'en'] }),
  }, false),
  SubmitResult: obj(['id', 'externalId', 'status', 'reasons', 'maskedText', 'rulesetVersion', 'createdAt'], {
    id: str(),
    externalId: str(),
    status: ref('Status'),
    reasons: { type: 'array', items: ref('Reason') },
    maskedText: str(),
    rulesetVersion: str(),
    revision: { type: 'integer', minimum: 0, description: 'the revision `expectedRevision` refers to; an edit moves it on' },
    createdAt: dateTime,
    updatedAt: dateTime,
  }),
  StoredDecision: obj([], { action: str(), reasons: { type: 'array', items: ref('Reason') }, rulesetVersion: str(), decidedBy: str(), decidedAt: dateTime, note: str() }),
  Comment: obj(['id', 'siteId', 'externalId', 'articleId', 'author', 'text', 'status', 'reasons', 'maskedText', 'createdAt'], {
    id: str(),
    siteId: str(),
    externalId: str(),
    articleId: str(),
    articleUrl: str(),
    articleTitle: str(),
    section: str(),
    parentId: str(),
    author: obj(['id', 'name'], { id: str(), name: str() }),
    text: str(),
    language: str(),
    status: ref('Status'),
    reasons: { type: 'array', items: ref('Reason') },
    maskedText: str(),
    decision: opt(ref('StoredDecision')),
    autoDecision: opt(ref('StoredDecision')),
    dueAt: dateTime,
    reportCount: { type: 'integer' },
    revision: { type: 'integer' },
    createdAt: dateTime,
    updatedAt: dateTime,
  }),
  CommentPage: obj(['items'], {
    items: { type: 'array', items: ref('Comment') },
    nextCursor: opt(str()),
    counts: obj(['total', 'held', 'reported', 'overdue', 'byCategory', 'bySite'], {
      total: { type: 'integer' },
      held: { type: 'integer' },
      reported: { type: 'integer' },
      overdue: { type: 'integer' },
      byCategory: { type: 'array', items: obj(['category', 'count'], { category: str(), count: { type: 'integer' } }) },
      bySite: { type: 'array', items: obj(['siteId', 'count'], { siteId: str(), count: { type: 'integer' } }) },
    }),
  }),
  Policy: obj([], {
    preModeration: { type: 'boolean' },
    strictness: str({ enum: ['lenient', 'standard', 'strict'] }),
    categoryActions: {
      type: 'array',
      description: 'Per-category action overrides (a list: category ids contain dots). `approve` silences a category.',
      items: obj(['category', 'action'], { category: str({ pattern: CATEGORY_OR_FAMILY.source }), action: str({ enum: ['reject', 'review', 'mask', 'flag', 'approve'] }) }, false),
    },
    reportThreshold: { type: 'integer' },
    dueHours: { type: 'number', description: 'Held comments nobody reported: a service level (site policy, not law), 24 by default.' },
    urgentDueHours: { type: 'number', description: 'Urgent classes (child sexual content, terrorism, threats to life), held or reported: a stricter site policy, 4 by default; not a legal clock.' },
    reportDueHours: { type: 'number', description: "A reader's complaint: 48 by default, the 2 × 24 h of Dewan Pers' Pedoman Pemberitaan Media Siber (part 3)." },
    offenderRejections: { type: 'integer' },
    offenderWindowDays: { type: 'number' },
  }),
  Site: obj(['id', 'name'], { id: str(), name: str(), webhookUrl: str(), webhookSecret: str({ description: 'Only in the answer to the PATCH that gives a site its first webhook URL. Shown once.' }), policy: ref('Policy') }),
  CreatedSite: obj(['id', 'name', 'token', 'tokenId'], { id: str(), name: str(), webhookUrl: str(), webhookSecret: str({ description: 'Shown once.' }), token: str({ description: 'The site API key. Shown once.' }), tokenId: str() }),
  CreatedPrincipal: obj(['id', 'role', 'siteIds', 'token'], { id: str(), role: str({ enum: ['site', 'moderator', 'admin', 'legal'] }), siteIds: { type: 'array', items: str() }, name: str(), token: str({ description: 'Shown once.' }) }),
  RulesetIssue: obj(['file', 'message'], { file: str(), line: { type: 'integer' }, ruleId: str(), message: str() }),
  RuleFileSummary: obj(['name', 'hash', 'etag', 'size'], {
    name: str(),
    categories: { type: 'array', items: str() },
    ruleCount: { type: 'integer' },
    termCount: { type: 'integer' },
    hash: str({ description: 'SHA-256 of the file content, hex.' }),
    etag: str(),
    size: { type: 'integer' },
    loaded: { type: 'boolean', description: 'False when the file on disk is not part of the ruleset that serves (refused or not yet reloaded).' },
  }),
  RuleList: obj(['rulesetVersion', 'files'], { rulesetVersion: str(), ruleCount: { type: 'integer' }, termCount: { type: 'integer' }, files: { type: 'array', items: ref('RuleFileSummary') } }),
  RuleFile: obj(['name', 'content', 'hash', 'etag'], { name: str(), content: str(), hash: str(), etag: str(), categories: { type: 'array', items: str() }, ruleCount: { type: 'integer' } }),
  RuleWriteResult: obj(['name', 'hash', 'etag', 'rulesetVersion', 'created'], { name: str(), hash: str(), etag: str(), rulesetVersion: str(), created: { type: 'boolean' } }),
  ValidateRules: {
    oneOf: [
      obj(['name', 'content'], { name: str(), content: str() }, false),
      obj(['files'], { files: { type: 'array', minItems: 1, items: obj(['name', 'content'], { name: str(), content: str() }, false) } }, false),
    ],
  },
  ValidationResult: obj(['ok', 'issues'], {
    ok: { type: 'boolean' },
    issues: { type: 'array', items: ref('RulesetIssue') },
    rulesetVersion: str(),
    ruleCount: { type: 'integer' },
    costRefused: { type: 'boolean', description: 'true when only the cost gate refuses it (an admin PUT may force it)' },
    cost: obj(['samples', 'hits', 'currentHits', 'microsPerComment', 'currentMicrosPerComment'], {
      samples: { type: 'integer', description: 'clean sample comments (rules/_samples/clean.txt)' },
      hits: { type: 'integer', description: 'of them given any reason by the candidate ruleset' },
      currentHits: { type: 'integer' },
      hitExamples: { type: 'array', items: obj(['text', 'ruleIds'], { text: str(), ruleIds: { type: 'array', items: str() } }) },
      microsPerComment: { type: 'number' },
      currentMicrosPerComment: { type: 'number' },
    }),
  }),
  RotatedSecret: obj(['id', 'webhookSecret', 'previousSecretValidUntil'], { id: str(), webhookSecret: str({ description: 'shown once' }), previousSecretValidUntil: { type: ['string', 'null'], format: 'date-time' } }),
  Report: obj(['reporterId', 'reason'], { reporterId: str(), reason: str({ pattern: REPORT_REASON.source, description: 'A rule category id such as `sara.hate`, or `other`.' }), note: str({ maxLength: 2000 }) }, false),
  Deadline: obj(['basis', 'label'], { basis: str({ enum: ['report', 'urgent', 'service-level'] }), label: str({ description: 'report: 2 × 24 h, Dewan Pers; urgent: a stricter site policy; service-level: held comments nobody reported — neither of the last two is a legal clock' }) }),
  ReportView: obj(['id', 'commentId', 'reporterId', 'reason', 'at', 'state'], {
    id: str(),
    commentId: str(),
    siteId: str(),
    reporterId: str(),
    reason: str(),
    note: str(),
    at: dateTime,
    state: str({ enum: ['received', 'reviewed', 'upheld', 'rejected'], description: 'Permenkominfo 5/2020 Pasal 10: a moderator decision resolves it (rejected comment: upheld; approved: rejected, the comment stays published)' }),
    dueAt: dateTime,
    deadline: ref('Deadline'),
    reviewedAt: dateTime,
    reviewedBy: str(),
    resolvedAt: dateTime,
    resolvedBy: str(),
  }),
  ReportResult: obj(['report', 'duplicate', 'comment'], { report: ref('ReportView'), duplicate: { type: 'boolean' }, withdrawn: { type: 'boolean' }, comment: ref('Comment') }),
  ReportList: obj(['commentId', 'reportCount', 'items'], { commentId: str(), reportCount: { type: 'integer' }, items: { type: 'array', items: ref('ReportView') } }),
  Ban: {
    description: 'Give either `until` or `hours`, and a reason.',
    ...obj(['reason'], { until: dateTime, hours: { type: 'number', exclusiveMinimum: 0 }, reason: str({ minLength: 1, maxLength: 500 }) }, false),
  },
  Standing: obj(['siteId', 'authorId', 'counts', 'banned'], {
    siteId: str(),
    authorId: str(),
    windowDays: { type: 'number' },
    counts: obj(['approved', 'held', 'rejected'], { approved: { type: 'integer' }, held: { type: 'integer' }, rejected: { type: 'integer' } }),
    repeatOffender: { type: 'boolean' },
    banned: { type: 'boolean' },
    bannedUntil: dateTime,
    banReason: str(),
  }),
  Compliance: obj(['siteIds', 'from', 'to', 'decisions'], {
    siteIds: { anyOf: [{ type: 'array', items: str() }, { const: 'all' }] },
    from: dateTime,
    to: dateTime,
    decisions: obj(['total'], { total: { type: 'integer' }, byAction: { type: 'object' }, byCategory: { type: 'object' }, byLegalBasis: { type: 'array', items: obj(['category', 'legalBasis', 'count'], { category: str(), legalBasis: str(), count: { type: 'integer' } }) }, byDecider: { type: 'object' } }),
    daily: { type: 'array', items: obj(['day', 'category', 'count'], { day: str(), category: str(), count: { type: 'integer' } }) },
    reports: { type: 'object' },
    responseTimes: { type: 'object' },
    overdue: { type: 'object' },
    takedowns: obj(['total', 'orders'], {
      total: { type: 'integer' },
      urgent: { type: 'integer' },
      completed: { type: 'integer' },
      completedLate: { type: 'integer' },
      openPastDue: { type: 'integer' },
      warnings: { type: 'integer' },
      orders: {
        type: 'array',
        description: 'Ministry take-down orders received in the period, one entry per order with its timeline (Permenkominfo 5/2020 Pasal 15(10)–(12))',
        items: obj(['id', 'orderNumber', 'receivedAt', 'dueAt', 'status', 'late', 'timeline'], {
          id: str(),
          orderNumber: str(),
          issuer: str(),
          urgent: { type: 'boolean' },
          receivedAt: dateTime,
          dueAt: dateTime,
          status: str({ enum: ['open', 'completed'] }),
          completedAt: opt(dateTime),
          completedBy: opt(str()),
          late: { type: 'boolean' },
          msToComplete: opt({ type: 'number' }),
          items: { type: 'integer' },
          comments: { type: 'integer' },
          removed: { type: 'integer' },
          warnings: { type: 'array', items: obj(['receivedAt'], { letterNumber: opt(str()), receivedAt: dateTime }) },
          timeline: { type: 'array', items: obj(['at', 'what'], { at: dateTime, what: str() }) },
        }),
      },
    }),
  }),
  TakedownOrderInput: obj(['orderNumber', 'issuer', 'items'], {
    orderNumber: str({ maxLength: 200, description: 'The SAMAN order number; the same number again is a retry (200) or, with other content, a 409.' }),
    issuer: str({ maxLength: 200 }),
    receivedAt: str({ format: 'date-time', description: 'When the order reached the newsroom (default: now); its 24 h (4 h) run from here. Not in the future.' }),
    urgent: { type: 'boolean', default: false, description: 'Pasal 14(3) content (terrorism, child sexual abuse material, content that disturbs public order): 4 h instead of 24 h.' },
    items: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        description: 'Either a Saring comment id (one of the sites this token may act on, else 422) or an article URL (every comment stored with it, with or without the trailing slash).',
        ...obj([], { commentId: str({ maxLength: 100 }), articleUrl: str({ format: 'uri', maxLength: 2000 }), note: str({ maxLength: 2000 }) }, false),
      },
    },
  }, false),
  TakedownOrder: obj(['id', 'orderNumber', 'issuer', 'receivedAt', 'urgent', 'dueAt', 'siteIds', 'items', 'comments', 'warnings', 'status', 'overdue', 'late'], {
    id: str(),
    orderNumber: str(),
    issuer: str(),
    receivedAt: dateTime,
    urgent: { type: 'boolean' },
    dueAt: dateTime,
    deadline: obj(['hours', 'label'], { hours: { type: 'integer', enum: [4, 24] }, label: str() }),
    siteIds: { type: 'array', items: str() },
    items: { type: 'array', items: obj(['commentIds'], { commentId: str(), articleUrl: str(), note: str(), commentIds: { type: 'array', items: str() } }) },
    comments: { type: 'array', items: obj(['commentId', 'alreadyRemoved'], { commentId: str(), siteId: str(), withdrawnAt: dateTime, withdrawnBy: str(), alreadyRemoved: { type: 'boolean' } }) },
    warnings: { type: 'array', items: ref('TakedownWarning') },
    status: str({ enum: ['open', 'completed'] }),
    overdue: { type: 'boolean', description: 'open past its due time' },
    late: { type: 'boolean', description: 'completed after its due time, or open past it' },
    msLeft: { type: 'number' },
    overdueNotifiedAt: dateTime,
    createdBy: str(),
    createdAt: dateTime,
    completedAt: dateTime,
    completedBy: str(),
    completionNote: str(),
  }),
  TakedownWarning: obj(['receivedAt', 'recordedBy', 'recordedAt'], { letterNumber: str(), receivedAt: dateTime, note: str(), recordedBy: str(), recordedAt: dateTime }),
  TakedownList: obj(['items'], { items: { type: 'array', items: ref('TakedownOrder') } }),
  TakedownEvidence: obj(['legalBasis', 'generatedAt', 'order', 'items', 'summary'], {
    legalBasis: obj(['order', 'evidence'], { order: str(), evidence: str() }),
    generatedAt: dateTime,
    generatedBy: str(),
    order: ref('TakedownOrder'),
    items: {
      type: 'array',
      items: obj(['index', 'comments'], {
        index: { type: 'integer' },
        commentId: str(),
        articleUrl: str(),
        note: str(),
        comments: {
          type: 'array',
          items: obj(['commentId', 'text', 'decision', 'removed'], {
            commentId: str(),
            siteId: str(),
            externalId: str(),
            articleId: str(),
            articleUrl: str(),
            text: str({ description: 'the text when it was withdrawn' }),
            withdrawnAt: dateTime,
            withdrawnBy: str(),
            withdrawnByName: str(),
            alreadyRemoved: { type: 'boolean' },
            decision: obj(['status'], { status: str(), action: str(), decidedBy: str(), decidedByName: str(), decidedAt: dateTime, note: str() }),
            removed: { type: 'boolean', description: 'rejected now' },
          }),
        },
      }),
    },
    summary: obj(['items', 'comments', 'removed', 'notRemoved'], { items: { type: 'integer' }, comments: { type: 'integer' }, removed: { type: 'integer' }, notRemoved: { type: 'integer' } }),
  }),
  AuthorExport: obj(['siteId', 'authorId', 'generatedAt', 'legalBasis', 'counts', 'comments', 'decisions', 'reports', 'standing', 'bans', 'audit', 'takedownOrders'], {
    siteId: str(),
    authorId: str(),
    generatedAt: dateTime,
    generatedBy: str(),
    legalBasis: str(),
    requestRef: str(),
    names: { type: 'array', items: str() },
    counts: { type: 'object' },
    comments: { type: 'array', items: ref('Comment') },
    decisions: { type: 'array', items: obj(['commentId', 'status'], { commentId: str(), status: ref('Status'), decision: ref('StoredDecision'), autoDecision: ref('StoredDecision') }) },
    reports: obj(['onTheirComments', 'filedByThem'], { onTheirComments: { type: 'array', items: ref('ReportView') }, filedByThem: { type: 'array', items: ref('ReportView') } }),
    standing: ref('Standing'),
    bans: { type: 'array', items: ref('AuditEntry') },
    audit: { type: 'array', items: ref('AuditEntry') },
    takedownOrders: { type: 'array', items: obj(['id', 'orderNumber', 'commentIds'], { id: str(), orderNumber: str(), issuer: str(), receivedAt: dateTime, dueAt: dateTime, completedAt: dateTime, commentIds: { type: 'array', items: str() } }) },
  }),
  AuditEntry: obj(['actor', 'action', 'target'], { at: dateTime, actor: str(), action: str(), target: str(), before: {}, after: {}, note: str() }),
  EraseRequest: obj(['reason'], { reason: str({ minLength: 1, maxLength: 500, description: "Kept in the audit trail: must not contain the author's id or name (422)." }), requestRef: str({ maxLength: 200 }) }, false),
  EraseReceipt: obj(['siteId', 'erasedAs', 'erasedAt', 'counts'], {
    siteId: str(),
    erasedAs: str({ description: 'the random pseudonym the erased comments now carry as author id' }),
    erasedAt: dateTime,
    erasedBy: str(),
    legalBasis: str(),
    counts: { type: 'object', description: 'comments, decisions by status (kept), reports, audit entries and events redacted, take-down orders touched, whether a standing was deleted' },
  }),
};

const errorResponses: Json = {};
for (const [code, entry] of Object.entries(errorCatalogue)) {
  const key = `Error${entry.status}`;
  const prior = errorResponses[key] as { description: string } | undefined;
  errorResponses[key] = json(ref('Error'), prior ? `${prior.description}, ${code}` : `error: ${code}`);
}

const idParam = (name: string, description: string): Json => ({ name, in: 'path', required: true, description, schema: str() });
const ruleNameParam: Json = { name: 'name', in: 'path', required: true, description: 'A rule file name: `[a-z0-9_-]+.yaml` (or `.yml`).', schema: str({ pattern: RULE_FILE_NAME.source }) };
const requestBody = (schema: Json): Json => ({ required: true, content: { 'application/json': { schema } } });
const open: Json = { security: [] };

const paths: Json = {
  '/healthz': { get: { ...open, summary: 'Liveness', tags: ['operations'], responses: { 200: json(obj(['status'], { status: str() }), 'alive') } } },
  '/readyz': {
    get: {
      ...open,
      summary: 'Readiness: store reachable and rules loaded',
      tags: ['operations'],
      responses: {
        200: json(obj(['status', 'store', 'rules'], { status: str(), store: str(), rules: str(), rulesetVersion: str() }), 'ready'),
        503: json(obj(['status', 'store', 'rules'], { status: str(), store: str(), rules: str() }), 'not ready (with Retry-After)'),
      },
    },
  },
  '/metrics': { get: { ...open, summary: 'Prometheus metrics', tags: ['operations'], responses: { 200: { description: 'text exposition format', content: { 'text/plain': { schema: str() } } } } } },
  '/v1/openapi.json': { get: { ...open, summary: 'This document', tags: ['operations'], responses: { 200: json({ type: 'object' }, 'OpenAPI 3.1') } } },
  '/v1/comments': {
    post: {
      summary: 'Submit a comment (site token); answers with the decision at once',
      tags: ['comments'],
      requestBody: requestBody(ref('SubmitComment')),
      responses: { 201: json(ref('SubmitResult'), 'stored and decided'), 200: json(ref('SubmitResult'), 'the same (site, externalId) again: with the same text, the stored decision (an idempotent retry); with another text, an edit — moderated again, a new revision, the old text kept in the audit trail, `comment.edited` streamed'), ...errors(...body, ...auth, 409, 503) },
    },
    get: {
      summary: 'List comments (moderator: its sites; site: its own), newest first, cursor paginated; `queue=held|reported|all` (or `sort=due`) lists a queue by deadline instead (soonest first, ties by id; `category` filters it, `counts=true` adds the exact counts of the whole queue)',
      tags: ['comments'],
      parameters: ['status', 'siteId', 'articleId', 'authorId', 'queue', 'sort', 'category', 'counts', 'cursor', 'limit'].map((name) => ({
        name,
        in: 'query',
        schema: name === 'limit' ? { type: 'integer', minimum: 1, maximum: 200 } : name === 'queue' ? str({ enum: ['held', 'reported', 'all'] }) : name === 'sort' ? str({ enum: ['due'] }) : name === 'counts' ? str({ enum: ['true', 'false'] }) : str(),
      })),
      responses: { 200: json(ref('CommentPage'), 'a page of comments'), ...errors(...auth, 422, 503) },
    },
  },
  '/v1/comments/{id}': { get: { summary: 'One comment', tags: ['comments'], parameters: [idParam('id', 'comment id')], responses: { 200: json(ref('Comment'), 'the comment'), ...errors(...auth, 404, 503) } } },
  '/v1/comments/{id}/decision': {
    post: {
      summary: 'A moderator approves or rejects a comment (audit, event, webhook)',
      tags: ['moderation'],
      parameters: [idParam('id', 'comment id')],
      requestBody: requestBody(
        obj(['status'], {
          status: str({ enum: ['approved', 'rejected'] }),
          note: str({ maxLength: 2000 }),
          force: { type: 'boolean', description: 'Override a human decision or win against a concurrent one.' },
          expectedRevision: { type: 'integer', minimum: 0, description: 'The `revision` the moderator saw; another current revision is a 409 unless forced.' },
        }, false),
      ),
      responses: { 200: json(ref('Comment'), 'the decided comment'), ...errors(...body, ...auth, 404, 409, 503) },
    },
  },
  '/v1/comments/{id}/reports': {
    post: {
      summary: 'A reader reports a comment (site token), de-duplicated per reporter',
      tags: ['moderation'],
      parameters: [idParam('id', 'comment id')],
      requestBody: requestBody(ref('Report')),
      responses: { 201: json(ref('ReportResult'), 'report stored'), 200: json(ref('ReportResult'), 'this reporter already reported it (duplicate: true)'), ...errors(...body, ...auth, 404, 503) },
    },
    get: { summary: "A comment's reports", tags: ['moderation'], parameters: [idParam('id', 'comment id')], responses: { 200: json(ref('ReportList'), 'the reports'), ...errors(...auth, 404, 503) } },
  },
  '/v1/reports/{id}/review': {
    post: {
      summary: 'A moderator marks a reader report as reviewed (received → reviewed; audited). A decision on the comment then resolves it: upheld or rejected, with a `report.resolved` webhook',
      tags: ['moderation'],
      parameters: [idParam('id', 'report id (commentId:reporterId)')],
      responses: { 200: json(ref('ReportView'), 'the report'), ...errors(...auth, 404, 409, 503) },
    },
  },
  '/v1/reports/compliance': {
    get: {
      summary: 'Compliance report (moderator for its sites, admin): decisions by action, category and decider, reports, response times, overdue; JSON, or CSV with `Accept: text/csv` or `format=csv`',
      tags: ['moderation'],
      parameters: [
        { name: 'siteId', in: 'query', schema: str() },
        { name: 'from', in: 'query', schema: str({ description: 'ISO date-time, or a date: the start of that WIB (UTC+7) day' }) },
        { name: 'to', in: 'query', schema: str({ description: 'ISO date-time (exclusive), or a date: that whole WIB (UTC+7) day is included' }) },
        { name: 'format', in: 'query', schema: str({ enum: ['json', 'csv'] }) },
      ],
      responses: { 200: { description: 'the report', content: { 'application/json': { schema: ref('Compliance') }, 'text/csv': { schema: str() } } }, ...errors(...auth, 422, 503) },
    },
  },
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
      responses: { 200: json(ref('Standing'), 'the standing without the ban'), ...errors(...body, ...auth, 404, 503) },
    },
  },
  '/v1/sites/{id}/authors/{authorId}/export': {
    get: {
      summary: 'Everything Saring holds about an author on a site (admin, or a legal officer of the site): comments with decisions, reports on them and filed by them, standing, bans, audit entries, take-down orders. Audited (`author.export`); served as a download',
      description: 'Permenkominfo 5/2020 Pasal 11, 26–27 (a lawful request, 5 calendar days); UU PDP Pasal 30–32 (access, 3 × 24 h).',
      tags: ['legal'],
      parameters: [idParam('id', 'site id'), idParam('authorId', 'author id'), { name: 'reason', in: 'query', schema: str({ maxLength: 500 }) }, { name: 'requestRef', in: 'query', schema: str({ maxLength: 200 }) }],
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
      parameters: [
        { name: 'status', in: 'query', schema: str({ enum: ['open', 'overdue', 'completed'] }) },
        { name: 'siteId', in: 'query', schema: str() },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200 } },
      ],
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
      requestBody: { required: false, content: { 'application/json': { schema: obj([], { letterNumber: str({ maxLength: 200 }), receivedAt: str({ format: 'date-time' }), note: str({ maxLength: 2000 }) }, false) } } },
      responses: { 201: json(ref('TakedownOrder'), 'the order with the letter'), ...errors(...body, ...auth, 404, 409, 503) },
    },
  },
  '/v1/takedown-orders/{id}/complete': {
    post: {
      summary: 'Confirm the order is carried out (moderator of its sites, legal, admin): every covered comment not yet rejected is rejected now (a moderator decision), and the order records when and by whom; `takedown.completed`',
      tags: ['legal'],
      parameters: [idParam('id', 'order id')],
      requestBody: { required: false, content: { 'application/json': { schema: obj([], { note: str({ maxLength: 2000 }) }, false) } } },
      responses: { 200: json(ref('TakedownOrder'), 'completed'), ...errors(...body, ...auth, 404, 409, 503) },
    },
  },
  '/v1/takedown-orders/{id}/evidence': {
    get: {
      summary: 'The evidence of a take-down (Pasal 20(2)): each item with its URL or comment id, the text, when and by whom it was withdrawn, and the decision. JSON, or a printable page with `Accept: text/html` or `format=html`; audited',
      tags: ['legal'],
      parameters: [idParam('id', 'order id'), { name: 'format', in: 'query', schema: str({ enum: ['json', 'html'] }) }],
      responses: { 200: { description: 'the evidence', content: { 'application/json': { schema: ref('TakedownEvidence') }, 'text/html': { schema: str() } } }, ...errors(...auth, 404, 422, 503) },
    },
  },
  '/v1/moderate': {
    post: {
      summary: 'Dry run: the decision for a text, nothing stored (any role)',
      tags: ['comments'],
      requestBody: requestBody(obj(['text'], { text: str({ minLength: 1 }), siteId: str(), language: str({ enum: ['id', 'en'] }) }, false)),
      responses: { 200: json(ref('Decision'), 'the decision'), ...errors(...body, ...auth, 503) },
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
      requestBody: { required: true, content: { 'application/yaml': { schema: str() }, 'text/yaml': { schema: str() }, 'text/plain': { schema: str() }, 'application/json': { schema: obj(['content'], { content: str() }, false) } } },
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
      requestBody: requestBody(obj(['id', 'name'], { id: str({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }), name: str(), webhookUrl: str({ format: 'uri', description: 'http(s), no user name or password' }), policy: ref('Policy') }, false)),
      responses: { 201: json(ref('CreatedSite'), 'created'), ...errors(...body, ...auth, 409, 503) },
    },
  },
  '/v1/sites/{id}': {
    get: { summary: 'A site (admin)', tags: ['admin'], parameters: [idParam('id', 'site id')], responses: { 200: json(ref('Site'), 'the site'), ...errors(...auth, 404, 503) } },
    patch: {
      summary: 'Change a site name, webhook or policy (admin)',
      tags: ['admin'],
      parameters: [idParam('id', 'site id')],
      requestBody: requestBody(obj([], { name: str(), webhookUrl: str({ format: 'uri' }), policy: ref('Policy') }, false)),
      responses: { 200: json(ref('Site'), 'the site'), ...errors(...body, ...auth, 404, 503) },
    },
  },
  '/v1/sites/{id}/webhook-secret': {
    post: {
      summary: 'Rotate the webhook signing secret (admin); the new one is shown once, the old one also signs until the grace period ends',
      tags: ['admin'],
      parameters: [idParam('id', 'site id')],
      requestBody: { required: false, content: { 'application/json': { schema: obj([], { graceHours: { type: 'number', minimum: 0, maximum: 168, default: 24 } }, false) } } },
      responses: { 200: json(ref('RotatedSecret'), 'rotated'), ...errors(...body, ...auth, 404, 409, 503) },
    },
  },
  '/v1/principals': {
    post: {
      summary: 'Create a moderator, admin, legal or site token (admin); shown once',
      tags: ['admin'],
      requestBody: requestBody(obj(['role'], { role: str({ enum: ['site', 'moderator', 'admin', 'legal'], description: '`legal`: take-down orders and author data requests for its sites (no moderation decisions, no stream)' }), siteIds: { type: 'array', items: str() }, name: str() }, false)),
      responses: { 201: json(ref('CreatedPrincipal'), 'created'), ...errors(...body, ...auth, 503) },
    },
  },
  '/v1/principals/{id}': { delete: { summary: 'Revoke a token (admin)', tags: ['admin'], parameters: [idParam('id', 'token id')], responses: { 204: { description: 'revoked' }, ...errors(...auth, 404, 503) } } },
  '/v1/stream': {
    get: {
      summary: 'Live stream (WebSocket upgrade): `{type, seq, at, data}` events; token in Authorization or Sec-WebSocket-Protocol',
      tags: ['moderation'],
      parameters: [{ name: 'since', in: 'query', schema: { type: 'integer' } }],
      responses: { 101: { description: 'switching protocols' }, ...errors(400, ...auth) },
    },
  },
};

/** Operations of DESIGN.md that this build does not serve yet (checked by the OpenAPI test). */
export const plannedOperations: ReadonlyArray<string> = [];

/** Builds the OpenAPI 3.1 document. */
export function buildOpenApiDocument(version = '0.1.0'): Json {
  const marked = structuredClone(paths) as Record<string, Record<string, Json>>;
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
      schemas,
      responses: errorResponses,
    },
  };
}

/** `GET /v1/openapi.json`, no auth. */
export function openApiRoutes(): Router {
  const router = Router();
  const document = JSON.stringify(buildOpenApiDocument());
  router.get('/v1/openapi.json', (_req, res) => {
    res.type('application/json').send(document);
  });
  return router;
}

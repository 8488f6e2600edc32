import { complianceQuery } from '../../compliance/schema';
import { listCommentsQuery } from '../../comments/schema';
import { queueQuery } from '../../deadlines/list-queue';
import { queryParameters } from './from-zod';
import { auth, body, errors, idParam, json, obj, open, ref, requestBody, str, type Json } from './json';

/** Operations, comments, moderation (decisions, reports, compliance), the dry run and the stream. */
export const commentPaths: Json = {
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
      parameters: queryParameters([listCommentsQuery, queueQuery]),
      responses: { 200: json(ref('CommentPage'), 'a page of comments'), ...errors(...auth, 422, 503) },
    },
  },
  '/v1/comments/{id}': { get: { summary: 'One comment', tags: ['comments'], parameters: [idParam('id', 'comment id')], responses: { 200: json(ref('Comment'), 'the comment'), ...errors(...auth, 404, 503) } } },
  '/v1/comments/{id}/decision': {
    post: {
      summary: 'A moderator approves or rejects a comment (audit, event, webhook)',
      tags: ['moderation'],
      parameters: [idParam('id', 'comment id')],
      requestBody: requestBody(ref('DecisionInput')),
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
      parameters: queryParameters([complianceQuery], {
        from: 'ISO date-time, or a date: the start of that WIB (UTC+7) day',
        to: 'ISO date-time (exclusive), or a date: that whole WIB (UTC+7) day is included',
      }),
      responses: { 200: { description: 'the report', content: { 'application/json': { schema: ref('Compliance') }, 'text/csv': { schema: str() } } }, ...errors(...auth, 422, 503) },
    },
  },
  '/v1/moderate': {
    post: {
      summary: 'Dry run: the decision for a text, nothing stored (any role)',
      tags: ['comments'],
      requestBody: requestBody(ref('Moderate')),
      responses: { 200: json(ref('Decision'), 'the decision'), ...errors(...body, ...auth, 503) },
    },
  },
  '/v1/stream': {
    get: {
      summary: 'Live stream (WebSocket upgrade): `{type, seq, at, data}` events; token in Authorization or Sec-WebSocket-Protocol',
      tags: ['moderation'],
      parameters: [{ name: 'since', in: 'query', schema: { type: 'integer' } }],
      responses: { 101: { description: 'switching protocols' }, ...errors(400, ...auth) },
    },
  },
};

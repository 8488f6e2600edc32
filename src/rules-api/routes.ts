import express, { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { principalOf, requireRole } from '../http/middleware/auth';
import { parseBody } from '../http/validate';
import { getRuleFile, listRuleFiles } from './read-rules';
import { assertRuleFileName } from './rule-files';
import { createSerialQueue } from './serial-queue';
import { updateRuleFile } from './update-rule-file';
import { validateRules, type ValidateOptions } from './validate-rules';
import { createValidateGate } from './validate-gate';

/** A rule file may be larger than a comment body: a 10,000-term file is a few hundred kB. */
export const ruleFileBodyLimit = '1mb';
const yamlTypes = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain'];

const candidate = z.strictObject({ name: z.string().max(100), content: z.string().max(1_000_000) });
export const validateSchema = z.union([candidate, z.strictObject({ files: z.array(candidate).min(1).max(100) })]);
export const putJsonSchema = z.strictObject({ content: z.string().max(1_000_000) });

/** Refuses a body of another type with 415 before any parser reads it. */
function requireBodyType(types: string[], message: string): RequestHandler {
  // `req.is` is null for a request without a body: that one gets its 422 from the handler.
  return (req, _res, next) => next(req.is(types) === false ? new AppError('unsupported_media_type', message) : undefined);
}

/** The content of a PUT: the raw YAML body, or `{ content }` in JSON. */
function contentOf(req: Request): string {
  if (typeof req.body === 'string') return req.body;
  if (req.body === undefined) throw new AppError('validation_failed', 'The body is empty: send the YAML file.', [{ path: '(body)', message: 'required' }]);
  return parseBody(putJsonSchema, req.body).content;
}

/** Refuses a bad `:name` (traversal, absolute paths, odd names) before a body is read. */
const validName: RequestHandler = (req, _res, next) => {
  assertRuleFileName(String(req.params.name));
  next();
};

/** `?force=true` lets an admin past the cost gate (audited); any other value is a 422 on force. */
function forceOf(req: Request): boolean {
  const force = req.query.force;
  if (force === undefined || force === 'false') return false;
  if (force === 'true') return true;
  throw new AppError('validation_failed', 'force is true or false.', [{ path: 'force', message: 'must be true or false' }]);
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * `/v1/rules`: read the rule files (moderator, admin), edit them (admin) with
 * ETag / If-Match, and validate candidates. Mounted before the app's JSON-only
 * body guard, so it parses its own bodies (YAML or JSON, up to 1 MB).
 */
export function rulesRoutes(deps: AppDeps): Router {
  const router = Router();
  const dir = deps.config.rulesDir;
  const readers = requireRole(deps.auth, 'moderator', 'admin');
  const admin = requireRole(deps.auth, 'admin');
  const json = express.json({ limit: ruleFileBodyLimit, strict: true, type: 'application/json' });
  const text = express.text({ limit: ruleFileBodyLimit, type: yamlTypes });
  const queue = createSerialQueue();
  const { ruleFile, validate: budget, costGate } = deps.config.limits;
  const gate = createValidateGate(budget);
  const baselines = {};
  const validation = (req: Request): ValidateOptions => ({ limits: ruleFile, budget, costGate, baselines, admit: gate.for(principalOf(req).id) });

  router.get('/v1/rules', readers, async (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(await listRuleFiles(dir, deps.rules));
  });

  router.post('/v1/rules/validate', readers, requireBodyType(['application/json'], 'Send {"name","content"} or {"files":[…]} as application/json.'), json, async (req, res) => {
    const input = parseBody(validateSchema, req.body);
    const files = 'files' in input ? input.files : [input];
    res.json(await validateRules(dir, files, validation(req)));
  });

  router.get('/v1/rules/:name', readers, validName, async (req, res) => {
    const file = await getRuleFile(dir, deps.rules, assertRuleFileName(String(req.params.name)));
    res.set({ ETag: file.etag, 'Cache-Control': 'no-cache', Vary: 'Accept' });
    if (req.headers['if-none-match']?.split(',').some((t) => t.trim().replace(/^W\//, '') === file.etag || t.trim() === '*')) {
      res.status(304).end();
      return;
    }
    const wantsJson = req.accepts(['application/yaml', 'text/yaml', 'text/plain', 'application/json']) === 'application/json';
    if (wantsJson) res.json(file);
    else res.type('application/yaml; charset=utf-8').send(file.content);
  });

  router.put('/v1/rules/:name', admin, validName, requireBodyType([...yamlTypes, 'application/json'], 'Send the rule file as application/yaml, text/yaml or text/plain, or as JSON {"content": "…"}.'), text, json, async (req, res) => {
    const name = assertRuleFileName(String(req.params.name));
    const result = await updateRuleFile(
      { dir, rules: deps.rules, models: deps.store.models, queue, validation: validation(req) },
      { name, content: contentOf(req), conditions: { ifMatch: header(req, 'if-match'), ifNoneMatch: header(req, 'if-none-match') }, actor: principalOf(req).id, force: forceOf(req) },
    );
    res.status(result.created ? 201 : 200).set('ETag', result.etag).json(result);
  });

  return router;
}

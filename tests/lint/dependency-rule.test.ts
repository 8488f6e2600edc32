import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * The dependency rule of docs/architecture.md is enforced by eslint.config.mjs. These
 * rows lint virtual files (a path in the tree, a text that is not on disk) with the real
 * config, so a layer that may not import something is refused and one that may is not.
 */

interface Linted {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

const root = path.resolve(__dirname, '../..');

function lintVirtual(cases: { filePath: string; code: string }[]): Promise<Linted[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, 'lint-virtual-files.mjs')], { cwd: root, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${err.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as Linted[]);
    });
    child.stdin?.end(JSON.stringify(cases));
  });
}

const refused: [string, string, string, RegExp][] = [
  ['a use case imports express', 'src/comments/x.ts', "import express from 'express';\nexport const app = express;\n", /HTTP layer/],
  ['a use case imports mongoose', 'src/decisions/x.ts', "import mongoose from 'mongoose';\nexport const m = mongoose;\n", /src\/store/],
  ['a use case imports the driver', 'src/compliance/x.ts', "import type { Collection } from 'mongodb';\nexport type C = Collection;\n", /src\/store/],
  ['a use case imports the HTTP error mapping', 'src/takedown/x.ts', "import { errorHandler } from '../http/middleware/error-handler';\nexport const e = errorHandler;\n", /do not depend on HTTP/],
  ['a use case imports a route file', 'src/author-data/x.ts', "import { reportRoutes } from '../reports/routes';\nexport const r = reportRoutes;\n", /Route files/],
  ['a use case imports a page route', 'src/reports/x.ts', "import { reportedPage } from '../web/reported-page';\nexport const r = reportedPage;\n", /Route files/],
  ['a use case imports the queue routes', 'src/comments/x.ts', "import { queueRoutes } from '../deadlines/queue-routes';\nexport const q = queueRoutes;\n", /Route files/],
  ['a use case imports the composition root', 'src/comments/x.ts', "import { startServer } from '../server';\nexport const s = startServer;\n", /composition root/],
  ['a use case imports the service wiring', 'src/reports/x.ts', "import { createService } from '../service/create-service';\nexport const c = createService;\n", /composition root/],
  ['a top-level module imports the HTTP app', 'src/x.ts', "import { createApp } from './http/app';\nexport const c = createApp;\n", /do not depend on HTTP/],
  ['the HTTP layer imports ws', 'src/http/x.ts', "import { WebSocket } from 'ws';\nexport const w = WebSocket;\n", /src\/stream/],
  ['a route file imports mongoose', 'src/comments/routes.ts', "import mongoose from 'mongoose';\nexport const m = mongoose;\n", /src\/store/],
  ['the stream imports express', 'src/stream/x.ts', "import express from 'express';\nexport const e = express;\n", /HTTP layer/],
  ['the engine imports the rules', 'src/moderation/x.ts', "import { compileRuleset } from '../rules/compile';\nexport const c = compileRuleset;\n", /engine/],
  ['the engine imports the store', 'src/moderation/normalize/x.ts', "import type { Models } from '../../store/models';\nexport type M = Models;\n", /engine/],
  ['the engine imports a logger', 'src/moderation/x.ts', "import pino from 'pino';\nexport const p = pino;\n", /pure/],
  ['the rules import a use case', 'src/rules/x.ts', "import { listComments } from '../comments/list-comments';\nexport const l = listComments;\n", /only the engine/],
  ['the store imports the HTTP layer', 'src/store/x.ts', "import { AppError } from '../http/validate';\nexport const a = AppError;\n", /do not depend on HTTP/],
];

const allowed: [string, string, string][] = [
  ['a route file imports express', 'src/comments/routes.ts', "import { Router } from 'express';\nexport const r = Router;\n"],
  ['a page route imports express', 'src/web/x.ts', "import { Router } from 'express';\nexport const r = Router;\n"],
  ['the store imports mongoose', 'src/store/x.ts', "import mongoose from 'mongoose';\nexport const m = mongoose;\n"],
  ['the stream imports ws', 'src/stream/x.ts', "import { WebSocket } from 'ws';\nexport const w = WebSocket;\n"],
  ['a use case imports the error catalogue and the store layer', 'src/comments/x.ts', "import { AppError } from '../errors';\nimport type { Models } from '../store/models';\nexport const a = AppError;\nexport type M = Models;\n"],
  ['the rules import the engine', 'src/rules/x.ts', "import { moderate } from '../moderation/moderate';\nexport const m = moderate;\n"],
  ['the engine imports itself', 'src/moderation/normalize/x.ts', "import type { Span } from '../types';\nexport type S = Span;\n"],
  ['the service wiring imports the app, the stream and express', 'src/service/x.ts', "import express from 'express';\nimport { createApp } from '../http/app';\nimport { attachLive } from '../stream/live';\nexport const c = [express, createApp, attachLive];\n"],
  ['the composition root imports everything', 'src/server.ts', "import { createApp } from './http/app';\nimport mongoose from 'mongoose';\nexport const c = [createApp, mongoose];\n"],
];

describe('the dependency rule (eslint.config.mjs)', () => {
  let results: Map<string, Linted>;

  beforeAll(async () => {
    const cases = [...refused, ...allowed].map(([name, filePath, code]) => ({ name, filePath, code }));
    const linted = await lintVirtual(cases.map(({ filePath, code }) => ({ filePath, code })));
    results = new Map(linted.map((r, i) => [cases[i]!.name, r]));
  }, 150_000);

  it.each(refused)('when %s, then lint refuses it', (name, _filePath, _code, message) => {
    const restricted = results.get(name)!.messages.filter((m) => m.ruleId === 'no-restricted-imports');
    expect(restricted.length).toBeGreaterThan(0);
    expect(restricted.map((m) => m.message).join('\n')).toMatch(message);
  });

  it.each(allowed)('when %s, then lint lets it be', (name) => {
    expect(results.get(name)!.messages).toEqual([]);
  });
});

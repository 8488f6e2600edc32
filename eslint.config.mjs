import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * The dependency rule (docs/architecture.md), as `no-restricted-imports` per folder:
 *
 *   engine (src/moderation) ← rules (src/rules) ← use cases ← { http, stream, jobs, cli }
 *
 * - only src/store/** imports mongoose or the driver;
 * - only the HTTP layer imports express. The HTTP layer is src/http/** plus the route
 *   files that stay beside their capability: src/<capability>/routes.ts,
 *   src/deadlines/queue-routes.ts and the page routes in src/web/;
 * - only src/stream/** imports ws;
 * - nothing outside http, stream and cli imports from src/http/ (nor from stream/, cli/,
 *   a route file or a composition root);
 * - the engine imports nothing outside src/moderation; the rules import only the engine.
 * The composition roots (src/server.ts, src/service/) wire everything and are exempt.
 * In flat config a later block replaces an earlier block's options for the same rule,
 * so each layer lists everything it may not import.
 */
const relative = String.raw`^\.\.?/(\.\./)*`;
const forbid = {
  express: { regex: '^express(/|$)', message: 'Only the HTTP layer (src/http, route files, src/web pages) imports express.' },
  ws: { regex: '^ws(/|$)', message: 'Only src/stream imports ws.' },
  mongoose: { regex: '^(mongoose|mongodb)(/|$)', message: 'Only src/store imports mongoose or the driver: add a repository function there.' },
  logger: { regex: '^(pino|prom-client)(/|$)', message: 'The engine is pure: no logger or metrics.' },
  http: { regex: `${relative}http(/|$)`, message: 'Use cases do not depend on HTTP: errors live in src/errors.ts, deps in src/deps.ts.' },
  stream: { regex: `${relative}stream(/|$)`, message: 'Only the composition root wires the stream.' },
  cli: { regex: `${relative}cli(/|$)`, message: 'Nothing depends on the CLI.' },
  routes: { regex: `${relative}([a-z-]+/)?(([a-z-]+-)?routes|web/[a-z-]+)$`, message: 'Route files are the HTTP layer: a use case does not import them.' },
  roots: { regex: `${relative}(server|service)(/|$)`, message: 'The composition root depends on everything; nothing depends on it.' },
  outsideEngine: { regex: String.raw`^\.\./`, message: 'The engine (src/moderation) imports nothing outside itself.' },
  outsideEngineNested: { regex: String.raw`^\.\./\.\./`, message: 'The engine (src/moderation) imports nothing outside itself.' },
  outsideRules: { regex: String.raw`^\.\./(?!moderation(/|$))`, message: 'The rules import only the engine (src/moderation).' },
};

/** One `no-restricted-imports` block for `files`, refusing the named imports. */
function layer(files, names) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns: names.map((n) => forbid[n]) }] } };
}

const httpLayer = ['src/http/**/*.ts', 'src/*/routes.ts', 'src/deadlines/queue-routes.ts', 'src/web/**/*.ts'];

export const dependencyRule = [
  layer(['src/**/*.ts'], ['express', 'ws', 'mongoose', 'http', 'stream', 'cli', 'routes', 'roots']),
  layer(httpLayer, ['ws', 'mongoose', 'stream', 'cli', 'roots']),
  layer(['src/stream/**/*.ts'], ['express', 'mongoose', 'cli', 'roots']),
  layer(['src/cli/**/*.ts'], ['express', 'ws', 'mongoose', 'stream', 'routes']),
  layer(['src/store/**/*.ts'], ['express', 'ws', 'http', 'stream', 'cli', 'routes', 'roots']),
  layer(['src/rules/**/*.ts'], ['express', 'ws', 'mongoose', 'logger', 'outsideRules']),
  layer(['src/moderation/*.ts'], ['express', 'ws', 'mongoose', 'logger', 'outsideEngine']),
  layer(['src/moderation/*/**/*.ts'], ['express', 'ws', 'mongoose', 'logger', 'outsideEngineNested']),
  { files: ['src/server.ts', 'src/service/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.cache/', 'data/', 'coverage/', 'tools/', 'src/web/static/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  ...dependencyRule,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

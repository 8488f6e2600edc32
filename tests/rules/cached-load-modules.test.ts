import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RULES_DIR = path.resolve(__dirname, '../../rules');

// swc-on-the-fly for the child (as tests/hardening/memory-child.test.ts does)
const BOOT = `
const fs = require('node:fs');
const { transformSync } = require('@swc/core');
require.extensions['.ts'] = (m, filename) => {
  m._compile(transformSync(fs.readFileSync(filename, 'utf8'), { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }).code, filename);
};
require(${JSON.stringify(path.join(__dirname, 'support', 'cached-load-child.ts'))});
`;

interface ChildReport {
  zod: boolean;
  yaml: boolean;
  reasons: string[];
}

/** One fresh process that loads the shipped rules through the examples cache in `cacheDir`. */
function loadInChild(cacheDir: string): ChildReport {
  const out = execFileSync(process.execPath, ['-e', BOOT, RULES_DIR, cacheDir], { encoding: 'utf8', timeout: 90_000 });
  return JSON.parse(out.trim().split('\n').pop() as string) as ChildReport;
}

describe('rules loaded again from the examples cache', () => {
  let cacheDir: string;
  beforeAll(() => {
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'saring-cached-load-'));
  });
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('when the rules are new, then they are parsed and validated (YAML and zod loaded); when unchanged, neither library is loaded and they decide the same', () => {
    const first = loadInChild(cacheDir);
    expect(first).toMatchObject({ zod: true, yaml: true });
    const again = loadInChild(cacheDir);
    expect(again).toMatchObject({ zod: false, yaml: false });
    expect(again.reasons).toEqual(first.reasons);
    expect(again.reasons).toContain('kasar.directed');
  }, 120_000);
});

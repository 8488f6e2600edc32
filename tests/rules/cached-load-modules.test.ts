import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tsChildScript } from '../support/ts-child';

const RULES_DIR = path.resolve(__dirname, '../../rules');

const BOOT = tsChildScript(path.join(__dirname, 'support', 'cached-load-child.ts'));

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

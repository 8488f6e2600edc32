import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuleService } from '../../src/rules/watcher';
import { ADMIN_TOKEN, buildTestApp, RULES_DIR, type TestApp } from '../support/app';

/** A test app whose rules are a live RuleService on a private copy of rules/. */
export interface LiveRulesApp extends TestApp {
  rulesDir: string;
  service: RuleService;
}

/** Copies rules/ to a temp dir and builds the real app on it, so edits never touch the repo's files; `env` overrides limits and budgets. */
export async function buildLiveRulesApp(label: string, env: Record<string, string> = {}): Promise<LiveRulesApp> {
  const rulesDir = mkdtempSync(path.join(os.tmpdir(), 'saring-rules-'));
  cpSync(RULES_DIR, rulesDir, { recursive: true });
  const service = new RuleService({ dir: rulesDir });
  await service.start();
  const t = await buildTestApp({ label, env: { SARING_RULES_DIR: rulesDir, ...env }, rules: service });
  return {
    ...t,
    rulesDir,
    service,
    async close() {
      service.close();
      await t.close();
      rmSync(rulesDir, { recursive: true, force: true });
    },
  };
}

export const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RuleService } from '../../src/rules/watcher';
import { ADMIN_TOKEN, buildTestApp, RULES_DIR, type TestApp } from '../support/app';

/** A test app whose rules are the service's own RuleService (watched) on a private copy of rules/. */
export interface LiveRulesApp extends TestApp {
  rulesDir: string;
  ruleService: RuleService;
}

/** Copies rules/ to a temp dir and builds the real service on it, so edits never touch the repo's files; `env` overrides limits and budgets. */
export async function buildLiveRulesApp(label: string, env: Record<string, string> = {}): Promise<LiveRulesApp> {
  const rulesDir = mkdtempSync(path.join(os.tmpdir(), 'saring-rules-'));
  cpSync(RULES_DIR, rulesDir, { recursive: true });
  const t = await buildTestApp({ label, env: { SARING_RULES_DIR: rulesDir, ...env } });
  return {
    ...t,
    rulesDir,
    ruleService: t.service.ruleService as RuleService,
    async close() {
      await t.close();
      rmSync(rulesDir, { recursive: true, force: true });
    },
  };
}

export const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

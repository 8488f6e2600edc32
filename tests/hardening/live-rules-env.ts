import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuleService } from '../../src/rules/watcher';
import { buildTestApp, RULES_DIR } from '../support/app';
import type { LiveRulesApp } from '../rules-api/live-rules';

/** Like buildLiveRulesApp, with environment overrides (limits, budgets). */
export async function buildLiveRulesAppWithEnv(label: string, env: Record<string, string>): Promise<LiveRulesApp> {
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

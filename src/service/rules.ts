import type { Config } from '../config';
import type { EventLog } from '../events/event-log';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { misnamedRuleFiles } from '../rules/load';
import { RULE_FILE_NAME_RULE } from '../rules/names';
import { RuleService, type RuleServiceOptions } from '../rules/watcher';
import { StartupError } from './open-store';

/** What the rule service reports to: the log, the event log (stream clients) and the compile counter. */
export interface RuleServiceDeps {
  config: Readonly<Pick<Config, 'rulesDir'>>;
  events: EventLog;
  logger: Logger;
  metrics: Metrics;
}

/**
 * Loads SARING_RULES_DIR into the service's one rule service: reloads and refusals are logged
 * and published (`rules.reloaded`, `rules.rejected`), every main-thread compile is counted in
 * `saring_rules_compiles_total`. A refused initial ruleset is a {@link StartupError}; misnamed
 * YAML files are named in a warning (they are not loaded).
 */
export async function startRuleService(deps: RuleServiceDeps, options: Pick<RuleServiceOptions, 'debounceMs'> = {}): Promise<RuleService> {
  const { config, events, logger } = deps;
  const rules = new RuleService({
    dir: config.rulesDir,
    ...options,
    onCompile: () => deps.metrics.rulesCompiles.inc(),
    onReloaded: (rs) => {
      logger.info({ rulesetVersion: rs.version }, 'rules reloaded');
      void events.publish('rules.reloaded', { version: rs.version }).catch(() => undefined);
    },
    onRejected: (err) => {
      logger.warn({ issues: err.issues }, 'rule change rejected; the last good ruleset keeps serving');
      void events.publish('rules.rejected', { issues: err.issues }).catch(() => undefined);
    },
  });
  try {
    await rules.start();
  } catch (err) {
    throw new StartupError(`SARING_RULES_DIR ${config.rulesDir}: ${(err as Error).message}`, { cause: err });
  }
  for (const file of await misnamedRuleFiles(config.rulesDir).catch(() => [])) logger.warn({ file }, `rule file not loaded: ${RULE_FILE_NAME_RULE}`);
  return rules;
}

import type * as ParseYaml from './parse-yaml';
import type * as Schema from './schema';

/*
 * The rule file schema (zod: ~115 ms to load) and the YAML parser (~50 ms), loaded the first time
 * a file must be parsed or validated. A ruleset compiled from the examples cache needs neither:
 * `saring check` and `saring eval` on unchanged rules start that much sooner.
 */

/** The rule file schemas (`./schema`), loaded on first use. */
export function ruleSchemas(): typeof Schema {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a file is validated
  return require('./schema') as typeof Schema;
}

/** The YAML parser with line numbers (`./parse-yaml`), loaded on first use. */
export function yamlParser(): typeof ParseYaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a file is parsed
  return require('./parse-yaml') as typeof ParseYaml;
}

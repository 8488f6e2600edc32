import { RulesetError } from '../moderation/errors';
import { loadRulesetFromDir, misnamedRuleFiles } from '../rules/load';
import { RULE_FILE_NAME_RULE } from '../rules/names';
import type { CommandIo } from './cli-io';

/**
 * `saring rules validate [DIR]`: compiles a rules directory (schema, linear-time regexes,
 * duplicate ids, every example) and prints either a one-line summary or every problem
 * as `file:line [rule] message`. Exit 0 valid, 1 invalid, 2 unreadable.
 */
export async function runRulesValidate(argv: string[], io: CommandIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write('saring rules validate [DIR]   (default: $SARING_RULES_DIR or ./rules)\n');
    return 0;
  }
  const dir = argv.find((a) => !a.startsWith('-')) ?? (process.env.SARING_RULES_DIR || 'rules');
  try {
    const rs = await loadRulesetFromDir(dir);
    const names = rs.files.map((f) => f.name).join(', ');
    // a YAML file the service would not load is a problem the admin should hear about here
    const misnamed = await misnamedRuleFiles(dir);
    for (const file of misnamed) io.stderr.write(`${file}: not loaded: ${RULE_FILE_NAME_RULE}\n`);
    io.stdout.write(`ok: ${dir} — ${rs.files.length} rule files (${names}), ${rs.ruleCount} rules, ${rs.termCount} terms, version ${rs.version}\n`);
    return misnamed.length > 0 ? 1 : 0;
  } catch (err) {
    if (!(err instanceof RulesetError)) {
      io.stderr.write(`cannot read ${dir}: ${(err as Error).message}\n`);
      return 2;
    }
    io.stderr.write(`${err.message}\n`);
    return 1;
  }
}

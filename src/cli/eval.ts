import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { moderate, type CompiledRuleset } from '../moderation';
import { ExamplesCache } from '../rules/examples-cache';
import { loadRulesetFromDir } from '../rules/load';
import { addRow, catchRulesFor, emptyConfusion, scores, type Confusion } from '../eval/score';
import type { CommandIo } from './cli-io';
import { readJsonLines } from './read-lines';

export const evalHelp = `saring eval [--dir DIR] [--rules DIR]

Moderates every labelled JSON-lines file in DIR (default ../shared/data/dev) and prints one
table: set, n, precision, recall, F1 and false-positive rate. A row is labelled positive when
its "expect" field is not empty. Abuse sets count a row as caught when any reason is in the
kasar, sara, susila, ancaman, fitnah or peras families (whatever its action, flag included),
and once more without kasar.interjection; "judi" sets count a judi.* reason.
Prints a note and exits 0 when DIR does not exist.
`;

/** One line of the eval table. */
export interface EvalRow {
  set: string;
  counting: string;
  n: number;
  confusion: Confusion;
}

/** Scores one labelled file: one row per catch rule that applies to its labels. */
export async function evaluateFile(ruleset: CompiledRuleset, file: string): Promise<EvalRow[]> {
  const rows = new Map<string, EvalRow>();
  let n = 0;
  for await (const { record } of readJsonLines(file)) {
    if (record === null || typeof record.text !== 'string') continue;
    const label = typeof record.expect === 'string' ? record.expect : '';
    n++;
    const categories = moderate(ruleset, record.text).reasons.map((r) => r.category);
    const rules = catchRulesFor(label === '' ? guessSetLabel(file) : label);
    for (const rule of rules) {
      let row = rows.get(rule.name);
      if (row === undefined) {
        row = { set: path.basename(file, '.jsonl'), counting: rule.name, n: 0, confusion: emptyConfusion() };
        rows.set(rule.name, row);
      }
      addRow(row.confusion, label !== '', rule.caught(categories));
    }
  }
  for (const row of rows.values()) row.n = n;
  return [...rows.values()];
}

/** A clean row takes its counting from its file: `*judol*` files are gambling sets. */
function guessSetLabel(file: string): string {
  return /judol|judi/.test(path.basename(file)) ? 'judi' : 'abusive';
}

/** The eval table as markdown. */
export function formatEvalTable(rows: EvalRow[]): string {
  const f = (x: number): string => x.toFixed(3);
  const lines = ['| set | counting | n | precision | recall | F1 | FPR |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const r of rows) {
    const s = scores(r.confusion);
    lines.push(`| ${r.set} | ${r.counting} | ${r.n} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${(100 * s.fpr).toFixed(2)}% |`);
  }
  return `${lines.join('\n')}\n`;
}

/** `saring eval` (and `npm run eval`): the accuracy table on the labelled dev files. */
export async function runEval(argv: string[], io: CommandIo): Promise<number> {
  const opts = parseArgs({ args: argv, options: { dir: { type: 'string' }, rules: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
  if (opts.help === true) {
    io.stdout.write(evalHelp);
    return 0;
  }
  const dir = opts.dir ?? path.join('..', 'shared', 'data', 'dev');
  if (!existsSync(dir)) {
    io.stdout.write(`saring eval: no labelled data at ${dir}; nothing to measure (this is not an error)\n`);
    return 0;
  }
  const ruleset = await loadRulesetFromDir(opts.rules ?? process.env.SARING_RULES_DIR ?? 'rules', { examples: new ExamplesCache() });
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  const rows: EvalRow[] = [];
  for (const file of files) rows.push(...(await evaluateFile(ruleset, path.join(dir, file))));
  io.stdout.write(`accuracy on labelled comments in ${dir} (rules ${ruleset.version})\n\n${formatEvalTable(rows)}`);
  return 0;
}

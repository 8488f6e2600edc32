import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { categoryCatch, catchRuleForLabel } from '../eval/label-catch';
import { moderate, type CompiledRuleset } from '../moderation';
import { RulesetError } from '../moderation/errors';
import { loadRulesetFromDir } from '../rules/load';
import type { CommandIo } from './cli-io';
import { readLabel } from './labels';
import { listCategories, scoreRows, type ModeratedRow, type ScoredCorpus } from './labelled-rows';
import { readJsonLines } from './read-lines';
import { readRowWords } from './row-words';
import { readCount, UsageError } from './show-options';
import { chooseTermText, listRowTerms, listSurfaces, rankCandidates, type SuggestThresholds } from './suggest-candidates';
import { compileWithSuggestions, NegativePool, pickExamples, type SuggestedRule } from './suggest-examples';
import { buildRuleId, formatSuggestions } from './suggest-yaml';

export const suggestHelp = `saring rules suggest --input FILE --labels FIELD [--rules DIR] [--category C] [--limit N]
                     [--min-added N] [--min-precision P]

Reads labelled JSON lines, moderates them with the rules, and prints as YAML the candidate
terms (words, bigrams, affix stems the matcher sees) that would catch the most positive
rows the rules miss, at a precision of at least P (default 0.8) on the file, each adding at
least N missed positives (default 3); up to --limit (default 20) rule items with examples
from the file. Never edits a rule file. --category C counts only reasons of category or
family C as caught and names the suggested rules C.suggest-*.
Exit code: 0 done, 2 bad usage or broken rules.
`;

const OPTIONS = {
  input: { type: 'string' },
  labels: { type: 'string' },
  rules: { type: 'string' },
  category: { type: 'string' },
  limit: { type: 'string' },
  'min-added': { type: 'string' },
  'min-precision': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function readCorpus(file: string, field: string, ruleset: CompiledRuleset): Promise<ModeratedRow[]> {
  const rows: ModeratedRow[] = [];
  for await (const { lineNo, record } of readJsonLines(file)) {
    if (record === null || typeof record.text !== 'string') continue;
    rows.push({ id: record.id ?? lineNo, text: record.text, labels: readLabel(record[field]), reasons: moderate(ruleset, record.text).reasons });
  }
  return rows;
}

/** The family a file's suggestions belong to: `--category`, else what its most common label counts. */
function choosePrefix(corpus: ScoredCorpus, categories: string[], category: string | undefined): string {
  if (category !== undefined) return category;
  const counts = new Map<string, number>();
  for (const row of corpus.rows) for (const l of row.labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const name = top === undefined ? 'abuse families' : catchRuleForLabel(top, categories).name;
  if (name === 'judi.*') return 'judi';
  return name === 'abuse families' ? 'kasar' : name;
}

function readThresholds(opts: { limit?: string; 'min-added'?: string; 'min-precision'?: string }): SuggestThresholds {
  const p = opts['min-precision'] === undefined ? 0.8 : Number(opts['min-precision']);
  if (!(p >= 0 && p <= 1)) throw new UsageError(`--min-precision must be a number from 0 to 1, not "${opts['min-precision']}"`);
  return { limit: readCount(opts.limit, 'limit', 20), minAdded: readCount(opts['min-added'], 'min-added', 3), minPrecision: p };
}

/** `saring rules suggest`: candidate terms for the positives the rules miss, as YAML rule items. */
export async function runRulesSuggest(argv: string[], io: CommandIo): Promise<number> {
  const opts = parseArgs({ args: argv, options: OPTIONS }).values;
  if (opts.help === true) {
    io.stdout.write(suggestHelp);
    return 0;
  }
  if (opts.input === undefined || opts.labels === undefined) throw new UsageError('needs --input FILE and --labels FIELD');
  if (!existsSync(opts.input)) throw new UsageError(`cannot read ${opts.input}: no such file`);
  const thresholds = readThresholds(opts);
  let ruleset: CompiledRuleset;
  try {
    ruleset = await loadRulesetFromDir(opts.rules ?? process.env.SARING_RULES_DIR ?? 'rules');
  } catch (err) {
    if (err instanceof RulesetError) throw new UsageError(err.message);
    throw err;
  }
  const categories = listCategories(ruleset);
  const category = opts.category?.trim().toLowerCase();
  if (category !== undefined && !categories.some((c) => c === category || c.startsWith(`${category}.`))) {
    throw new UsageError(`--category ${category}: no rule has that category or family (known: ${categories.join(', ')})`);
  }
  const corpus = scoreRows(await readCorpus(opts.input, opts.labels, ruleset), categories, category === undefined ? undefined : categoryCatch(category));
  const rowTerms = corpus.rows.map((row) => listRowTerms(readRowWords(row.text), ruleset.variants, ruleset.vocabulary));
  const candidates = rankCandidates(corpus.rows, rowTerms, thresholds);
  const prefix = choosePrefix(corpus, categories, category);
  const used = new Set(ruleset.rules.map((r) => r.id));
  const surfaces = candidates.map((c) => listSurfaces(c.term, rowTerms));
  const ids = candidates.map((c, i) => {
    const term = chooseTermText(c, surfaces[i] ?? [], ruleset.variants);
    return { id: buildRuleId(prefix, term, used), term };
  });
  const checker = ids.length === 0 ? ruleset : compileWithSuggestions(ruleset, ids, prefix.includes('.') ? prefix : `${prefix}.suggested`);
  const negatives = new NegativePool(corpus.rows, rowTerms);
  const rules: SuggestedRule[] = candidates.map((c, i) => {
    const id = ids[i]?.id ?? '';
    return { id, text: ids[i]?.term ?? c.term, candidate: c, surfaces: surfaces[i] ?? [], ...pickExamples(id, c, { rows: corpus.rows, negatives, checker, matchCount: 3, noMatchCount: 2 }) };
  });
  const positive = corpus.rows.filter((r) => r.positive);
  const summary = { file: opts.input, field: opts.labels, rows: corpus.rows.length, positive: positive.length, caught: positive.filter((r) => r.caught).length, counting: corpus.counting.name };
  io.stdout.write(formatSuggestions(ruleset, rules, { corpus: summary, thresholds, ...(category === undefined ? {} : { category }) }));
  return 0;
}

import { type CompiledRuleset } from '../moderation';
import { normalizeToWords } from '../moderation/normalize/pipeline';
import { GroupCollector, type ErrorGroup } from './error-groups';
import type { ScoredCorpus, ScoredRow } from './labelled-rows';
import { NearMissFinder, type NearMiss } from './near-miss';
import { readRowWords } from './row-words';
import { formatSnippet } from './text-snippet';
import { WordStats } from './word-stats';

/** What `saring check --show` lists. */
export type ShowKind = 'misses' | 'false-positives';

/** Options of the error report. */
export interface ShowOptions {
  show: ShowKind;
  /** Label field name, for the header. */
  field: string;
  /** Most groups printed. */
  limit: number;
  /** Most example rows printed per group. */
  examples: number;
}

function headingOf(miss: NearMiss): { key: string; heading: string } {
  switch (miss.kind) {
    case 'cancelled':
      return { key: `c ${miss.ruleId} ${miss.word}`, heading: `"${miss.word}" — term of ${miss.ruleId}, cancelled: ${miss.why}` };
    case 'fuzzy':
      return { key: `f ${miss.word}`, heading: `"${miss.word}" — near miss: ≈ "${miss.term}" of ${miss.ruleId} (edit distance ${miss.distance})` };
    case 'suspicious':
      return { key: `s ${miss.word}`, heading: `"${miss.word}" — no near miss; suspicious word: in ${miss.positive} positive / ${miss.clean} clean rows` };
    default:
      return { key: '~', heading: '(no near miss, no suspicious word)' };
  }
}

/** Groups the positive rows the rules missed by their nearest near-miss word. */
export function groupMisses(ruleset: CompiledRuleset, corpus: ScoredCorpus): ErrorGroup[] {
  const words = corpus.rows.map((row) => readRowWords(row.text));
  const stats = new WordStats();
  corpus.rows.forEach((row, i) => stats.addRow(words[i]?.forms ?? [], row.positive));
  const finder = new NearMissFinder(ruleset, corpus.counting, stats);
  const groups = new GroupCollector();
  corpus.rows.forEach((row, i) => {
    const rowWords = words[i];
    if (!row.positive || row.caught || rowWords === undefined) return;
    const miss = finder.findNearMiss(rowWords);
    const { key, heading } = headingOf(miss);
    const at = miss.kind === 'none' ? {} : { start: miss.start, end: miss.end };
    groups.add(key, heading, { id: row.id, text: row.text, ...at, ...(row.reasons.length > 0 ? { note: `has ${row.reasons.map((r) => r.ruleId).join(', ')}` } : {}) });
  });
  return groups.listGroups();
}

/** Groups the clean rows the rules caught by rule and matched word (the first counted reason). */
export function groupFalsePositives(corpus: ScoredCorpus): ErrorGroup[] {
  const groups = new GroupCollector();
  for (const row of corpus.rows) {
    if (row.positive || !row.caught) continue;
    const counted = row.reasons.filter((r) => corpus.counting.caught([r.category]));
    const first = counted[0];
    if (first === undefined) continue;
    const span = first.spans[0];
    const word = span === undefined ? '' : normalizeToWords(span.text);
    const others = counted.slice(1).map((r) => `${r.ruleId} "${r.spans[0]?.text ?? ''}"`);
    groups.add(`${first.ruleId} ${word}`, `${first.ruleId} "${word}" (${first.category})`, {
      id: row.id,
      text: row.text,
      ...(span === undefined ? {} : { start: span.start, end: span.end }),
      ...(others.length > 0 ? { note: `also ${others.join(', ')}` } : {}),
    });
  }
  return groups.listGroups();
}

function countWrong(rows: ScoredRow[], show: ShowKind): { wrong: number; of: number } {
  const pool = rows.filter((r) => r.positive === (show === 'misses'));
  return { wrong: pool.filter((r) => r.caught === (show !== 'misses')).length, of: pool.length };
}

/** The report `saring check --show` prints on stdout: a header, then each group with its examples. */
export function formatErrorReport(ruleset: CompiledRuleset, corpus: ScoredCorpus, opts: ShowOptions): string {
  const groups = opts.show === 'misses' ? groupMisses(ruleset, corpus) : groupFalsePositives(corpus);
  const { wrong, of } = countWrong(corpus.rows, opts.show);
  const what = opts.show === 'misses' ? `positive rows not caught` : `clean rows caught`;
  const out = [
    `${opts.show}: ${wrong} of ${of} ${what} (labels "${opts.field}", counting: ${corpus.counting.name}, rules ${ruleset.version})`,
    `${groups.length} group${groups.length === 1 ? '' : 's'} by ${opts.show === 'misses' ? 'nearest near-miss word' : 'rule and matched word'}, largest first; up to ${opts.examples} examples each`,
    '',
  ];
  for (const group of groups.slice(0, opts.limit)) {
    out.push(`${String(group.rows.length).padStart(4)}  ${group.heading}`);
    for (const ex of group.rows.slice(0, opts.examples)) {
      out.push(`        ${String(ex.id)}  ${formatSnippet(ex.text, ex.start, ex.end)}${ex.note !== undefined ? `   [${ex.note}]` : ''}`);
    }
    if (group.rows.length > opts.examples) out.push(`        … ${group.rows.length - opts.examples} more`);
    out.push('');
  }
  const hidden = groups.slice(opts.limit);
  if (hidden.length > 0) out.push(`… ${hidden.length} more groups (${hidden.reduce((n, g) => n + g.rows.length, 0)} rows); raise --limit to see them`, '');
  return `${out.join('\n').trimEnd()}\n`;
}

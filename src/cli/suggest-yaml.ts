import type { CompiledRuleset } from '../moderation';
import { EntryKind, type CompiledRule } from '../moderation/compiled';
import type { SuggestedRule } from './suggest-examples';
import type { SuggestThresholds } from './suggest-candidates';

/** What the header of the suggestion says about the corpus. */
export interface CorpusSummary {
  file: string;
  field: string;
  rows: number;
  positive: number;
  caught: number;
  counting: string;
}

/** A double-quoted YAML scalar (JSON strings are valid YAML; the text was cleaned of line breaks). */
function quote(text: string): string {
  return JSON.stringify(text);
}

/** A rule id from a prefix and a term: `kasar.suggest-muka-tembok`, unique among `used`. */
export function buildRuleId(prefix: string, term: string, used: Set<string>): string {
  const slug = term
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const base = `${prefix}.suggest-${slug || 'term'}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** The ids of rules that already have this (single-word or phrase) term. */
export function findExistingRules(ruleset: CompiledRuleset, term: string): string[] {
  const words = term.split(' ');
  let level = ruleset.trie;
  let node;
  for (const [i, w] of words.entries()) {
    node = level.get(w);
    if (node === undefined) return [];
    if (i < words.length - 1) {
      if (node.next === null) return [];
      level = node.next;
    }
  }
  const ids = (node?.entries ?? []).filter((e) => e.kind === EntryKind.Term).map((e) => (ruleset.rules[e.rule] as CompiledRule).id);
  return [...new Set(ids)];
}

function formatItem(ruleset: CompiledRuleset, s: SuggestedRule, rank: number, category: string | undefined): string[] {
  const c = s.candidate;
  const clean = c.rows - c.positive;
  const existing = findExistingRules(ruleset, c.term);
  const from = s.surfaces.filter((w) => w !== s.text);
  const lines = [
    `  # ${rank}. "${s.text}" (${c.kind}${from.length > 0 ? `; seen as ${from.join(', ')}` : ''}): adds ${c.added.length} missed positives; precision ${c.precision.toFixed(2)} (${c.positive} of ${c.rows} rows with it are positive, ${clean} clean)`,
    ...(existing.length > 0 ? [`  # already a term of ${existing.join(', ')}, which near / allow / minHits cancel on these rows`] : []),
    `  - id: ${s.id}`,
    ...(category !== undefined && category.includes('.') ? [`    category: ${category}`] : []),
    `    terms: [${quote(s.text)}]`,
  ];
  if (s.match.length === 0 && s.noMatch.length === 0) return lines;
  lines.push('    examples:');
  if (s.match.length > 0) lines.push('      match:', ...s.match.map((t) => `        - ${quote(t)}`));
  if (s.noMatch.length > 0) lines.push('      noMatch:', ...s.noMatch.map((t) => `        - ${quote(t)}`));
  return lines;
}

/** The suggestions as YAML: a commented header, then a `rules:` list ready to paste into a rule file. */
export function formatSuggestions(ruleset: CompiledRuleset, rules: SuggestedRule[], info: { corpus: CorpusSummary; thresholds: SuggestThresholds; category?: string }): string {
  const { corpus, thresholds } = info;
  const header = [
    `# saring rules suggest: ${corpus.file}, labels "${corpus.field}", rules ${ruleset.version}`,
    `# ${corpus.rows} rows: ${corpus.positive} positive (${corpus.caught} caught, ${corpus.positive - corpus.caught} missed), ${corpus.rows - corpus.positive} clean; caught = ${corpus.counting}`,
    `# ${rules.length} candidate term${rules.length === 1 ? '' : 's'} (words, affix stems, bigrams) adding >= ${thresholds.minAdded} missed positives at precision >= ${thresholds.minPrecision}, most added first.`,
    '# Nothing was changed. Paste the items you want under `rules:` of a rule file, then run',
    '# `saring rules validate` (it re-runs the examples there) and `saring check --labels` to measure.',
  ];
  if (rules.length === 0) return `${header.join('\n')}\nrules: []\n`;
  const items = rules.flatMap((r, i) => formatItem(ruleset, r, i + 1, info.category));
  return `${[...header, 'rules:', ...items].join('\n')}\n`;
}

import { anyCatch, catchRuleForLabel } from '../eval/label-catch';
import type { CatchRule } from '../eval/score';
import type { CompiledRuleset, Reason } from '../moderation';

/** One moderated input row with its label (empty list = labelled clean). */
export interface ModeratedRow {
  id: unknown;
  text: string;
  labels: string[];
  reasons: Reason[];
}

/** A moderated row scored against its label. */
export interface ScoredRow extends ModeratedRow {
  positive: boolean;
  caught: boolean;
}

/** The rows of one labelled corpus and how a clean row counts as wrongly caught. */
export interface ScoredCorpus {
  rows: ScoredRow[];
  /** The counting used for clean rows: the union of what the file's labels count. */
  counting: CatchRule;
}

/** Every category of a ruleset, for labels that name a category or a family. */
export function listCategories(ruleset: CompiledRuleset): string[] {
  return [...new Set(ruleset.rules.map((r) => r.category))];
}

const anyReason: CatchRule = { name: 'any reason', caught: (cs) => cs.length > 0 };

/**
 * Decides for every row whether it is positive and whether it is caught. A positive row
 * is caught by its own label's counting; a clean row by the counting of any label seen in
 * the file (any reason when the file has no positive row). `only` replaces both (`--category`).
 */
export function scoreRows(rows: ModeratedRow[], categories: readonly string[], only?: CatchRule): ScoredCorpus {
  const byLabel = new Map<string, CatchRule>();
  const ruleOf = (label: string): CatchRule => {
    let rule = byLabel.get(label);
    if (rule === undefined) {
      rule = catchRuleForLabel(label, categories);
      byLabel.set(label, rule);
    }
    return rule;
  };
  for (const row of rows) for (const label of row.labels) ruleOf(label);
  const rules = [...new Map([...byLabel.values()].map((r) => [r.name, r])).values()];
  const cleanRule = only ?? (rules.length > 0 ? anyCatch(rules) : anyReason);
  const scored = rows.map((row): ScoredRow => {
    const cats = row.reasons.map((r) => r.category);
    const positive = row.labels.length > 0;
    const rule = only ?? (positive ? anyCatch(row.labels.map(ruleOf)) : cleanRule);
    return { ...row, positive, caught: rule.caught(cats) };
  });
  return { rows: scored, counting: cleanRule };
}

import { catchRuleForLabel } from '../eval/label-catch';

/**
 * Precision and recall of predicted categories against labels in the input corpus.
 * A label may be a category (`kasar.directed`), a family (`kasar`, matched by any
 * `kasar.*` reason), a list of them, or empty / `approved` / `none` / `ok` for a clean comment.
 * Given the ruleset's categories, a label that names none of them (`abusive`, `offensive`)
 * is matched by the abuse families, as `npm run eval` counts it.
 */
export interface LabelStats {
  tp: number;
  fp: number;
  fn: number;
}

const CLEAN = new Set(['', 'approved', 'none', 'ok', 'clean', 'pass']);

/** Reads the label field of one input object into a list of categories (empty = clean). */
export function readLabel(value: unknown): string[] {
  if (value === null || value === undefined || value === false) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => String(v).trim()).filter((v) => !CLEAN.has(v.toLowerCase()));
}

function matchesLabel(label: string, category: string): boolean {
  return label === category || (!label.includes('.') && category.startsWith(`${label}.`));
}

/** Accumulates per-category and overall (any reason vs any label) counts. */
export class LabelScore {
  readonly byCategory = new Map<string, LabelStats>();
  readonly overall: LabelStats = { tp: 0, fp: 0, fn: 0 };
  labelled = 0;

  /** `categories`: the ruleset's categories, so that labels naming none of them count as abuse. */
  constructor(private readonly categories?: readonly string[]) {}

  private matches(label: string, category: string): boolean {
    if (this.categories === undefined) return matchesLabel(label, category);
    return catchRuleForLabel(label, this.categories).caught([category]);
  }

  private stats(key: string): LabelStats {
    let s = this.byCategory.get(key);
    if (s === undefined) {
      s = { tp: 0, fp: 0, fn: 0 };
      this.byCategory.set(key, s);
    }
    return s;
  }

  /** Adds one comment's labels and predicted categories. */
  add(labels: string[], predicted: string[]): void {
    this.labelled++;
    for (const label of labels) {
      if (predicted.some((p) => this.matches(label, p))) this.stats(label).tp++;
      else this.stats(label).fn++;
    }
    for (const p of predicted) {
      if (!labels.some((l) => this.matches(l, p))) this.stats(labels.find((l) => !l.includes('.') && p.startsWith(`${l}.`)) ?? p).fp++;
    }
    const caught = predicted.length > 0;
    const bad = labels.length > 0;
    if (caught && bad) this.overall.tp++;
    else if (caught) this.overall.fp++;
    else if (bad) this.overall.fn++;
  }

  /** A markdown table: category, tp, fp, fn, precision, recall. */
  report(field: string): string {
    const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
    const line = (name: string, s: LabelStats): string =>
      `| ${name} | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(s.tp, s.tp + s.fp)} | ${pct(s.tp, s.tp + s.fn)} |`;
    const rows = [...this.byCategory.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, s]) => line(name, s));
    return [
      `precision / recall against "${field}" (${this.labelled} labelled comments)`,
      '| category | tp | fp | fn | precision | recall |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      line('**overall** (any reason vs any label)', this.overall),
      '',
    ].join('\n');
  }
}

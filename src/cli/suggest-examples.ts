import { stringify } from 'yaml';
import { moderate, type CompiledRuleset } from '../moderation';
import { compileRuleset } from '../rules/compile';
import type { ScoredRow } from './labelled-rows';
import type { Candidate, CandidateKind, RowTerm } from './suggest-candidates';

/** A suggested rule: its id, its one term, and the corpus texts it was checked on. */
export interface SuggestedRule {
  id: string;
  /** The term as written in the rule file. */
  text: string;
  candidate: Candidate;
  /** Words of the corpus it comes from, most frequent first. */
  surfaces: string[];
  match: string[];
  noMatch: string[];
}

const MAX_EXAMPLE = 200;

/** A text safe to print as a one-line YAML scalar: no line breaks, no lone surrogates or invisible controls. */
export function cleanExample(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\p{Cc}\u2028\u2029\uFEFF]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Compiles the current rules plus one file holding the suggested rules (no examples), to check examples with. */
export function compileWithSuggestions(ruleset: CompiledRuleset, rules: Array<{ id: string; term: string }>, category: string): CompiledRuleset {
  const file = {
    category,
    legalBasis: 'saring rules suggest (check only)',
    action: 'flag',
    messages: { id: 'usulan', en: 'suggestion' },
    rules: rules.map((r) => ({ id: r.id, terms: [r.term] })),
  };
  return compileRuleset([...ruleset.sources, { name: 'zz-saring-suggest-check.yaml', text: stringify(file) }]);
}

interface CleanText {
  text: string;
  terms: Map<string, RowTerm>;
  /** First 3 and 4 letters of each single word. */
  heads: Set<string>;
}

/** The clean rows of a corpus, shortest first, as noMatch candidates; built once for all suggestions. */
export class NegativePool {
  private readonly texts: CleanText[] = [];

  constructor(rows: ScoredRow[], rowTerms: Array<Map<string, RowTerm>>) {
    rows.forEach((row, i) => {
      const terms = rowTerms[i];
      if (row.positive || terms === undefined) return;
      const text = cleanExample(row.text);
      if (text.length < 10 || text.length > MAX_EXAMPLE) return;
      const heads = new Set<string>();
      for (const t of terms.keys()) if (!t.includes(' ')) heads.add(t.slice(0, 3)).add(t.slice(0, 4));
      this.texts.push({ text, terms, heads });
    });
    this.texts.sort((a, b) => a.text.length - b.text.length);
  }

  /**
   * Clean texts without the term, look-alikes first (same first letters: kampung for
   * kampang; one word of a bigram), then the shortest others.
   */
  listNegatives(term: string, kind: CandidateKind, count: { hard: number; plain: number }): string[] {
    const hard: string[] = [];
    const plain: string[] = [];
    const head = term.slice(0, Math.min(4, term.length));
    const words = term.split(' ');
    for (const t of this.texts) {
      if (hard.length >= count.hard && plain.length >= count.plain) break;
      if (t.terms.has(term)) continue;
      const lookAlike = kind === 'bigram' ? words.some((w) => t.terms.has(w)) : t.heads.has(head);
      if (lookAlike && hard.length < count.hard) hard.push(t.text);
      else if (!lookAlike && plain.length < count.plain) plain.push(t.text);
    }
    return [...hard, ...plain];
  }
}

/** Options of `pickExamples`. */
export interface ExampleSource {
  rows: ScoredRow[];
  negatives: NegativePool;
  checker: CompiledRuleset;
  matchCount: number;
  noMatchCount: number;
}

/**
 * Examples for one suggested rule from the corpus, each checked with the engine: `match`
 * from the positive rows it adds (shortest first), `noMatch` from clean rows without the
 * term (see `NegativePool`).
 */
export function pickExamples(id: string, c: Candidate, src: ExampleSource): { match: string[]; noMatch: string[] } {
  const fires = (text: string): boolean => moderate(src.checker, text).reasons.some((r) => r.ruleId === id);
  const match = [...new Set(c.added.map((i) => src.rows[i]?.text ?? ''))]
    .filter((t) => t.length <= 3 * MAX_EXAMPLE)
    .map(cleanExample)
    .filter((t) => t.length > 0 && t.length <= MAX_EXAMPLE)
    .sort((a, b) => a.length - b.length)
    .slice(0, 20)
    .filter(fires)
    .slice(0, src.matchCount);
  const noMatch = src.negatives
    .listNegatives(c.term, c.kind, { hard: 6, plain: 3 })
    .filter((t) => !fires(t))
    .slice(0, src.noMatchCount);
  return { match, noMatch };
}

import { affixStems, undoLeet } from '../moderation/normalize/lexical';
import { termWords } from '../moderation/term-index';
import type { ScoredRow } from './labelled-rows';
import { isWordish, type RowWords } from './row-words';

/** How a candidate term arises from the words: a word, an affix stem of a word, or two words in a row. */
export type CandidateKind = 'word' | 'stem' | 'bigram';

/** A term one row would match, and the word (or two words) of the row it comes from. */
export interface RowTerm {
  kind: CandidateKind;
  raw: string;
}

/** A candidate term with its counts on the corpus. */
export interface Candidate {
  term: string;
  kind: CandidateKind;
  /** Rows containing it. */
  rows: number;
  /** Positive rows containing it. */
  positive: number;
  /** Indices of the positive rows the current rules miss that contain it. */
  added: number[];
  precision: number;
}

/** Thresholds of `saring rules suggest`. */
export interface SuggestThresholds {
  minAdded: number;
  minPrecision: number;
  limit: number;
}

/**
 * The terms a row would match if each were a rule term, the way the matcher reads words:
 * each word's lexical / slang-canonical form, its affix stems (for words of 5+ letters not
 * already in the vocabulary), and each pair of consecutive words.
 */
export function listRowTerms(words: RowWords, variants: ReadonlyMap<string, string>, vocabulary: ReadonlySet<string>): Map<string, RowTerm> {
  const terms = new Map<string, RowTerm>();
  const raw = (i: number): string => words.n.tokens[i]?.raw ?? '';
  const canon = words.n.tokens.map((t, i) => {
    const lex = words.forms[i] ?? t.raw;
    return variants.get(undoLeet(t.raw)) ?? variants.get(lex) ?? lex;
  });
  canon.forEach((word, i) => {
    if (isWordish(word)) terms.set(word, { kind: 'word', raw: raw(i) });
    const lex = words.forms[i] ?? word;
    if (lex.length >= 5 && !vocabulary.has(lex)) {
      for (const stem of affixStems(lex)) {
        const s = variants.get(stem) ?? stem;
        if (isWordish(s) && !terms.has(s)) terms.set(s, { kind: 'stem', raw: raw(i) });
      }
    }
    const next = canon[i + 1];
    if (next !== undefined && !/^\d+$/.test(word) && !/^\d+$/.test(next) && word.length + next.length >= 5) terms.set(`${word} ${next}`, { kind: 'bigram', raw: `${raw(i)} ${raw(i + 1)}` });
  });
  return terms;
}

type Picked = Candidate & { addedSet: Set<number> };

/** A term adds nothing when a picked term already adds all its rows at about its precision (within 0.05). */
function isCoveredBy(c: Candidate, picked: Picked[]): boolean {
  return picked.some((p) => p.precision + 0.05 >= c.precision && c.added.every((i) => p.addedSet.has(i)));
}

/**
 * Counts every term over the rows and keeps those that add at least `minAdded` missed
 * positives at `minPrecision` or better, most added first. A term whose added rows a
 * term above already covers at about the same precision is dropped (user cebong after cebong).
 */
export function rankCandidates(rows: ScoredRow[], rowTerms: Array<Map<string, RowTerm>>, t: SuggestThresholds): Candidate[] {
  const counts = new Map<string, { kind: CandidateKind; asWord: number; rows: number; positive: number; added: number[] }>();
  rowTerms.forEach((terms, i) => {
    const row = rows[i] as ScoredRow;
    for (const [term, { kind }] of terms) {
      let c = counts.get(term);
      if (c === undefined) counts.set(term, (c = { kind, asWord: 0, rows: 0, positive: 0, added: [] }));
      if (kind === 'word') c.asWord++;
      c.rows++;
      if (row.positive) c.positive++;
      if (row.positive && !row.caught) c.added.push(i);
    }
  });
  const order: Record<CandidateKind, number> = { word: 0, stem: 1, bigram: 2 };
  const ranked = [...counts.entries()]
    // a word that is mostly seen inside longer words (pulauw of pulauwin) is shown as a stem
    .map(([term, { asWord, ...c }]): Candidate => ({ term, ...c, kind: c.kind === 'bigram' ? 'bigram' : 2 * asWord >= c.rows ? 'word' : 'stem', precision: c.positive / c.rows }))
    .filter((c) => c.added.length >= t.minAdded && c.precision >= t.minPrecision)
    .sort((a, b) => b.added.length - a.added.length || b.precision - a.precision || order[a.kind] - order[b.kind] || a.term.localeCompare(b.term));
  const picked: Picked[] = [];
  for (const c of ranked) {
    if (picked.length >= t.limit) break;
    if (!isCoveredBy(c, picked)) picked.push({ ...c, addedSet: new Set(c.added) });
  }
  return picked.map(({ addedSet: _unused, ...c }) => c);
}

/** The words of the corpus a candidate comes from, most frequent first (`banci, bancinya` for the stem `banc`). */
export function listSurfaces(term: string, rowTerms: Array<Map<string, RowTerm>>, max = 3): string[] {
  const counts = new Map<string, number>();
  for (const terms of rowTerms) {
    const raw = terms.get(term)?.raw;
    if (raw !== undefined) counts.set(raw, (counts.get(raw) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([w]) => w);
}

/**
 * How to write a candidate in a rule file: the most frequent spelling of the corpus that
 * compiles to the same words (ketinggalan rather than the squeezed ketingalan, alexis17
 * rather than alexisit); the candidate itself for stems and when no spelling qualifies.
 */
export function chooseTermText(c: Candidate, surfaces: string[], variants: ReadonlyMap<string, string>): string {
  if (c.kind === 'stem') return c.term;
  const fits = surfaces.find((s) => termWords(s, variants).join(' ') === c.term);
  return fits ?? c.term;
}

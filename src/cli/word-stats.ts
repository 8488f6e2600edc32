import { affixStems } from '../moderation/normalize/lexical';
import { isWordish } from './row-words';

/** A row's distinct words, then the affix stems of its longer words (cupengnya → cupeng). */
export function listWordsAndStems(forms: readonly string[]): string[] {
  const out = new Set(forms.filter(isWordish));
  for (const f of forms) if (f.length >= 5) for (const stem of affixStems(f)) if (isWordish(stem)) out.add(stem);
  return [...out];
}

/**
 * In how many positive and how many clean rows each word occurs, to find words that are
 * over-represented in the positive rows of a corpus.
 */
export class WordStats {
  private readonly positive = new Map<string, number>();
  private readonly clean = new Map<string, number>();
  private positiveRows = 0;
  private cleanRows = 0;

  /** Counts one row's distinct words and stems. */
  addRow(forms: readonly string[], positive: boolean): void {
    const map = positive ? this.positive : this.clean;
    if (positive) this.positiveRows++;
    else this.cleanRows++;
    for (const w of listWordsAndStems(forms)) map.set(w, (map.get(w) ?? 0) + 1);
  }

  /** Rows containing the word: positive and clean. */
  countRows(word: string): { positive: number; clean: number } {
    return { positive: this.positive.get(word) ?? 0, clean: this.clean.get(word) ?? 0 };
  }

  /**
   * Smoothed log-odds of the word in positive vs clean rows, minus the corpus' own
   * log-odds: 0 means as common in clean rows as the corpus is, log(2) twice as skewed.
   */
  scoreSuspicion(word: string): number {
    const { positive, clean } = this.countRows(word);
    return Math.log((positive + 0.5) / (clean + 0.5)) - Math.log((this.positiveRows + 0.5) / (this.cleanRows + 0.5));
  }

  /** The most over-represented word or stem of a row (in at least 2 positive rows, at least twice the base odds), or null. */
  findSuspicious(forms: readonly string[]): { word: string; positive: number; clean: number } | null {
    let best: { word: string; score: number } | null = null;
    for (const w of listWordsAndStems(forms)) {
      if ((this.positive.get(w) ?? 0) < 2) continue;
      const score = this.scoreSuspicion(w);
      if (score >= Math.log(2) && (best === null || score > best.score)) best = { word: w, score };
    }
    return best === null ? null : { word: best.word, ...this.countRows(best.word) };
  }
}

/**
 * Near spellings of vocabulary words: a symmetric-delete index (every string reachable by
 * deleting up to k letters) and the optimal-string-alignment edit distance to confirm.
 */

/** Edit distance with adjacent transpositions (OSA), or `cap + 1` once it exceeds `cap`. */
export function computeEditDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push(Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let best = cap + 1;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = d;
      best = Math.min(best, d);
    }
    if (best > cap) return cap + 1;
  }
  return Math.min((rows[a.length] as number[])[b.length] as number, cap + 1);
}

/** How far a word may be from a term of this length: short words would match too much. */
export function allowedDistance(length: number): number {
  if (length >= 7) return 2;
  return length >= 4 ? 1 : 0;
}

function addDeletes(word: string, depth: number, into: Set<string>): void {
  into.add(word);
  if (depth === 0 || word.length <= 1) return;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!into.has(shorter)) addDeletes(shorter, depth - 1, into);
  }
}

/** A near-spelling lookup over a fixed word list. */
export class FuzzyIndex {
  private readonly byDelete = new Map<string, string[]>();

  /** Indexes every word long enough to have near spellings (see `allowedDistance`). */
  constructor(words: Iterable<string>) {
    for (const word of words) {
      const k = allowedDistance(word.length);
      if (k === 0) continue;
      const deletes = new Set<string>();
      addDeletes(word, k, deletes);
      for (const d of deletes) {
        const list = this.byDelete.get(d);
        if (list === undefined) this.byDelete.set(d, [word]);
        else list.push(word);
      }
    }
  }

  /** The indexed words within their allowed distance of `word` (not `word` itself), nearest first. */
  findNear(word: string): Array<{ term: string; distance: number }> {
    if (word.length < 4) return [];
    const deletes = new Set<string>();
    addDeletes(word, 2, deletes);
    const seen = new Set<string>();
    const found: Array<{ term: string; distance: number }> = [];
    for (const d of deletes) {
      for (const term of this.byDelete.get(d) ?? []) {
        if (seen.has(term) || term === word) continue;
        seen.add(term);
        const distance = computeEditDistance(word, term, allowedDistance(term.length));
        if (distance <= allowedDistance(term.length)) found.push({ term, distance });
      }
    }
    return found.sort((x, y) => x.distance - y.distance || x.term.localeCompare(y.term));
  }
}

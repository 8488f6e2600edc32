/** Summary of durations in milliseconds (computed in code: FerretDB's aggregation has no percentile operators). */
export interface DurationSummary {
  count: number;
  medianMs: number | null;
  p95Ms: number | null;
  maxMs: number | null;
}

/**
 * Median (mean of the two middle values for an even count) and p95 by the
 * nearest-rank method: the smallest value with at least 95 % of values at or below it.
 * @example
 * summarizeDurations([1, 2, 3, 4]) // { count: 4, medianMs: 2.5, p95Ms: 4, maxMs: 4 }
 */
export function summarizeDurations(values: number[]): DurationSummary {
  if (values.length === 0) return { count: 0, medianMs: null, p95Ms: null, maxMs: null };
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const p95 = sorted[Math.max(0, Math.ceil(0.95 * n) - 1)]!;
  return { count: n, medianMs: median, p95Ms: p95, maxMs: sorted[n - 1]! };
}

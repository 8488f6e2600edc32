/** Work over the texts `[from, to)` of a list both sides share. */
export type SliceWork = (from: number, to: number) => void;

/**
 * Two pieces of work timed in turn on the same slices of `count` texts, the order swapped every
 * slice, so a drift of the machine's speed falls on both: for each of `runs` runs, the
 * milliseconds each side took in all, summed over the slices. No warm-up: the caller warms both.
 */
export function pairedRuns(a: SliceWork, b: SliceWork, count: number, runs: number, slice: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let run = 0; run < runs; run++) {
    const sum: [number, number] = [0, 0];
    for (let from = 0, k = run; from < count; from += slice, k++) {
      const to = Math.min(count, from + slice);
      for (const side of k % 2 === 0 ? [0, 1] : [1, 0]) {
        const t0 = process.hrtime.bigint();
        (side === 0 ? a : b)(from, to);
        sum[side as 0 | 1] += Number(process.hrtime.bigint() - t0) / 1e6;
      }
    }
    out.push(sum);
  }
  return out;
}

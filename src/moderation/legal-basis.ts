/**
 * The legal basis of a rule over time. The law changes (the KUHP replaced parts of
 * UU ITE on 2 January 2026), so a rule carries a list of periods and a decision cites
 * the one in force at the instant it is made. Pure: no clock is read here.
 */

/** One period of a legal basis, compiled: `[startMs, endMs)` in epoch milliseconds. */
export interface LegalBasisPeriod {
  /** First day in force (WIB calendar day, `YYYY-MM-DD`), absent for "since always". */
  from?: string;
  /** Last day in force (WIB, inclusive), absent for "until further notice". */
  until?: string;
  text: string;
  startMs: number;
  endMs: number;
}

const WIB_OFFSET = '+07:00';
const DAY_MS = 86_400_000;

/** Epoch milliseconds of the start (00:00 WIB) of a calendar day `YYYY-MM-DD`. */
export function wibDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00${WIB_OFFSET}`);
}

/** The WIB calendar day after `day`. */
export function nextDay(day: string): string {
  return new Date(wibDayStart(day) + DAY_MS + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The text of the period in force at `at`. Without an instant, the open-ended (latest)
 * period: what a decision made today cites.
 *
 * @example
 * legalBasisAt(rule.legalBases, new Date('2025-06-01T00:00:00Z')) // 'UU ITE Pasal 27A …'
 */
export function legalBasisAt(periods: readonly LegalBasisPeriod[], at: Date | undefined): string {
  const last = periods[periods.length - 1];
  if (at === undefined) return last?.text ?? '';
  const t = at.getTime();
  for (const p of periods) if (p.startMs <= t && t < p.endMs) return p.text;
  return last?.text ?? '';
}

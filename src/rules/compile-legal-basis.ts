import { nextDay, wibDayStart, type LegalBasisPeriod } from '../moderation/legal-basis';
import type { RulesetIssue } from '../moderation/errors';
import type { LegalBasisDef } from './schema';

/** Where a legal basis sits, for messages: the file, its line, the rule that declares it. */
export interface BasisLocation {
  file: string;
  line?: number;
  ruleId?: string;
  /** Line of the k-th period. */
  periodLine?: (k: number) => number | undefined;
}

function issueAt(where: BasisLocation, k: number | undefined, message: string): RulesetIssue {
  const issue: RulesetIssue = { file: where.file, message: `legalBasis: ${message}` };
  const line = (k !== undefined ? where.periodLine?.(k) : undefined) ?? where.line;
  if (line !== undefined) issue.line = line;
  if (where.ruleId !== undefined) issue.ruleId = where.ruleId;
  return issue;
}

/**
 * Compiles a legal basis into periods that cover all time, in order: the first open
 * at the start, the last open at the end, each next one starting the day after the
 * previous one ends. A gap (a day with no basis) or an overlap (a day with two) is
 * refused with the file, line and rule id.
 *
 * @example
 * compileLegalBasis([{ until: '2026-01-01', text: 'UU ITE …' }, { from: '2026-01-02', text: 'KUHP …' }], at, issues)
 */
export function compileLegalBasis(def: LegalBasisDef, where: BasisLocation, issues: RulesetIssue[]): LegalBasisPeriod[] {
  if (typeof def === 'string') return [{ text: def, startMs: -Infinity, endMs: Infinity }];
  const before = issues.length;
  def.forEach((p, k) => {
    if (p.from !== undefined && p.until !== undefined && p.from > p.until) issues.push(issueAt(where, k, `period ${k + 1} ends (${p.until}) before it starts (${p.from})`));
    if (k > 0 && p.from === undefined) issues.push(issueAt(where, k, `period ${k + 1} has no "from": only the first period may start open (periods overlap)`));
    if (k < def.length - 1 && p.until === undefined) issues.push(issueAt(where, k, `period ${k + 1} has no "until": only the last period may stay open (periods overlap)`));
  });
  if (def[0]?.from !== undefined) issues.push(issueAt(where, 0, `gap: no basis before ${def[0].from}; leave "from" out of the first period`));
  const last = def[def.length - 1];
  if (last?.until !== undefined) issues.push(issueAt(where, def.length - 1, `gap: no basis after ${last.until}; leave "until" out of the last period`));
  for (let k = 1; k < def.length; k++) {
    const prev = def[k - 1]?.until;
    const from = def[k]?.from;
    if (prev === undefined || from === undefined) continue;
    const expected = nextDay(prev);
    if (from < expected) issues.push(issueAt(where, k, `periods ${k} and ${k + 1} overlap: ${from} is already covered (period ${k} runs until ${prev}); start it on ${expected}`));
    else if (from > expected) issues.push(issueAt(where, k, `gap between periods ${k} and ${k + 1}: no basis from ${expected} (period ${k} ends ${prev}, period ${k + 1} starts ${from})`));
  }
  if (issues.length > before) return [];
  return def.map((p) => {
    const out: LegalBasisPeriod = { text: p.text, startMs: p.from !== undefined ? wibDayStart(p.from) : -Infinity, endMs: p.until !== undefined ? wibDayStart(nextDay(p.until)) : Infinity };
    if (p.from !== undefined) out.from = p.from;
    if (p.until !== undefined) out.until = p.until;
    return out;
  });
}

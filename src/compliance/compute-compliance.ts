import type { Principal } from '../auth/principal';
import { readableSites } from '../auth/site-scope';
import type { Store } from '../store/connect';
import type { CommentDoc, ReportDoc } from '../store/models';
import { summarizeDurations, type DurationSummary } from './percentiles';
import { findResolutions, type Resolution } from '../store/resolutions';
import { takedownSection, type TakedownSection } from './takedown-section';

const DAY = 86_400_000;
/** Days are counted in Western Indonesian Time (UTC+7), the newsroom's day. */
export const DAY_OFFSET_MS = 7 * 3_600_000;

/** The compliance report of one period (see docs/reports.md for each figure). */
export interface ComplianceReport {
  siteIds: string[] | 'all';
  from: string;
  to: string;
  decisions: {
    total: number;
    byAction: Record<string, number>;
    byCategory: Record<string, number>;
    /** The citations the decisions carry, as stored when each was made (a 2025 decision keeps its UU ITE article). */
    byLegalBasis: { category: string; legalBasis: string; count: number }[];
    byDecider: { automatic: number; moderator: number };
  };
  daily: { day: string; category: string; count: number }[];
  reports: {
    total: number;
    byReason: Record<string, number>;
    comments: number;
    withdrawn: number;
    /** Pasal 10 states of the period's reports: received, reviewed, upheld, rejected. */
    byState: Record<string, number>;
    /** Time from a report to its outcome (resolved reports only). */
    timeToResolution: DurationSummary;
    /** Resolved after their due time (48 h, or the urgent clock), or still open past it. */
    overdue: { resolvedLate: number; openPastDue: number };
  };
  responseTimes: { all: DurationSummary; held: DurationSummary; reported: DurationSummary; urgent: DurationSummary };
  overdue: { total: number; decidedLate: number; openPastDue: number };
  /** Ministry take-down orders received in the period, one entry per order with its timeline. */
  takedowns: TakedownSection;
}

const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
const dayOf = (d: Date) => new Date(d.getTime() + DAY_OFFSET_MS).toISOString().slice(0, 10);

function countDecisions(docs: CommentDoc[]): Pick<ComplianceReport, 'decisions' | 'daily'> {
  const decisions: ComplianceReport['decisions'] = { total: docs.length, byAction: {}, byCategory: {}, byLegalBasis: [], byDecider: { automatic: 0, moderator: 0 } };
  const daily = new Map<string, number>();
  const bases = new Map<string, number>();
  for (const c of docs) {
    const d = c.decision;
    bump(decisions.byAction, d?.action ?? 'unknown');
    decisions.byDecider[d?.decidedBy === 'saring' ? 'automatic' : 'moderator'] += 1;
    const categories = new Set((d?.reasons ?? []).map((r) => r.category ?? 'none'));
    if (categories.size === 0) categories.add('none');
    for (const r of d?.reasons ?? []) {
      const key = `${r.category ?? 'none'}\u0000${r.legalBasis ?? ''}`;
      bases.set(key, (bases.get(key) ?? 0) + 1);
    }
    const day = dayOf(new Date(d?.decidedAt ?? c.createdAt));
    for (const cat of categories) {
      bump(decisions.byCategory, cat);
      daily.set(`${day}\u0000${cat}`, (daily.get(`${day}\u0000${cat}`) ?? 0) + 1);
    }
  }
  const rows = [...daily].map(([k, count]) => {
    const [day, category] = k.split('\u0000') as [string, string];
    return { day, category, count };
  });
  rows.sort((a, b) => a.day.localeCompare(b.day) || a.category.localeCompare(b.category));
  decisions.byLegalBasis = [...bases].map(([k, count]) => {
    const [category, legalBasis] = k.split('\u0000') as [string, string];
    return { category, legalBasis, count };
  });
  decisions.byLegalBasis.sort((a, b) => a.category.localeCompare(b.category) || a.legalBasis.localeCompare(b.legalBasis));
  return { decisions, daily: rows };
}

function countReportStates(reports: ReportDoc[], now: Date): Pick<ComplianceReport['reports'], 'byState' | 'timeToResolution' | 'overdue'> {
  const byState: Record<string, number> = { received: 0, reviewed: 0, upheld: 0, rejected: 0 };
  const durations: number[] = [];
  const overdue = { resolvedLate: 0, openPastDue: 0 };
  for (const r of reports) {
    bump(byState, r.state ?? 'received');
    const due = r.dueAt ? new Date(r.dueAt).getTime() : undefined;
    if (r.resolvedAt) {
      const resolved = new Date(r.resolvedAt).getTime();
      durations.push(resolved - new Date(r.at).getTime());
      if (due !== undefined && resolved > due) overdue.resolvedLate += 1;
    } else if (due !== undefined && due < now.getTime()) overdue.openPastDue += 1;
  }
  return { byState, timeToResolution: summarizeDurations(durations), overdue };
}

function responseTimes(rs: Resolution[]): ComplianceReport['responseTimes'] {
  const ms = (r: Resolution) => new Date(r.decidedAt).getTime() - new Date(r.queuedAt).getTime();
  return {
    all: summarizeDurations(rs.map(ms)),
    held: summarizeDurations(rs.filter((r) => r.queue === 'held').map(ms)),
    reported: summarizeDurations(rs.filter((r) => r.queue === 'reported').map(ms)),
    urgent: summarizeDurations(rs.filter((r) => r.urgent).map(ms)),
  };
}

/**
 * The figures a newsroom's legal team shows for Permenkominfo 5/2020 over
 * `[from, to)`: decisions by category and action (each comment's current
 * decision, if made in the period), reader reports, the time from entering
 * a queue (submission for held comments, the first report for reported
 * ones) to a moderator's decision (median, p95), and overdue comments —
 * decided after their deadline, or still open past it. Every filter is
 * computed in code: FerretDB pushes only `_id` lookups down.
 */
export async function computeCompliance(deps: { store: Store; now: () => Date }, principal: Principal, q: { siteId?: string; from?: Date; to?: Date }): Promise<ComplianceReport> {
  const sites = readableSites(principal, q.siteId);
  const now = deps.now();
  const to = q.to ?? now;
  const from = q.from ?? new Date(to.getTime() - 30 * DAY);
  const site = sites ? { siteId: { $in: sites } } : {};
  const { Comment, Report } = deps.store.models;
  const [decided, reports, resolutions, openPastDue, withdrawn, takedowns] = await Promise.all([
    Comment.find({ ...site, 'decision.decidedAt': { $gte: from, $lt: to } }, { decision: 1, createdAt: 1 }).lean() as unknown as Promise<CommentDoc[]>,
    Report.find({ ...site, at: { $gte: from, $lt: to } }, { reason: 1, commentId: 1, state: 1, at: 1, dueAt: 1, resolvedAt: 1 }).lean() as unknown as Promise<ReportDoc[]>,
    findResolutions(deps.store.conn, { siteIds: sites, from, to }),
    Comment.countDocuments({ ...site, dueAt: { $gte: from, $lt: new Date(Math.min(to.getTime(), now.getTime())) } }),
    Comment.countDocuments({ ...site, withdrawnAt: { $gte: from, $lt: to } }),
    takedownSection(deps.store, sites, from, to, now),
  ]);
  const byReason: Record<string, number> = {};
  for (const r of reports) bump(byReason, r.reason);
  const decidedLate = resolutions.filter((r) => r.overdue).length;
  const reportFigures = countReportStates(reports, now);
  return {
    siteIds: sites ?? 'all',
    from: from.toISOString(),
    to: to.toISOString(),
    ...countDecisions(decided),
    reports: { total: reports.length, byReason, comments: new Set(reports.map((r) => r.commentId)).size, withdrawn, ...reportFigures },
    responseTimes: responseTimes(resolutions),
    overdue: { total: decidedLate + openPastDue, decidedLate, openPastDue },
    takedowns,
  };
}

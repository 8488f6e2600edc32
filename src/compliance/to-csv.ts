import type { ComplianceReport } from './compute-compliance';

function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The compliance report as CSV, one figure a row: `metric,key,value`
 * (e.g. `decisions_by_category,susila.explicit,4`,
 * `response_ms_p95,reported,5400000`, `decisions_per_day,2025-05-01 sara.hate,2`).
 */
export function complianceToCsv(r: ComplianceReport): string {
  const rows: unknown[][] = [['metric', 'key', 'value']];
  rows.push(['period', 'from', r.from], ['period', 'to', r.to], ['period', 'sites', r.siteIds === 'all' ? 'all' : r.siteIds.join(' ')]);
  rows.push(['decisions', 'total', r.decisions.total]);
  for (const [k, v] of Object.entries(r.decisions.byAction)) rows.push(['decisions_by_action', k, v]);
  for (const [k, v] of Object.entries(r.decisions.byCategory)) rows.push(['decisions_by_category', k, v]);
  for (const b of r.decisions.byLegalBasis) rows.push(['decisions_by_legal_basis', `${b.category} ${b.legalBasis}`, b.count]);
  rows.push(['decisions_by_decider', 'automatic', r.decisions.byDecider.automatic], ['decisions_by_decider', 'moderator', r.decisions.byDecider.moderator]);
  rows.push(['reports', 'total', r.reports.total], ['reports', 'comments', r.reports.comments], ['reports', 'withdrawn', r.reports.withdrawn]);
  for (const [k, v] of Object.entries(r.reports.byReason)) rows.push(['reports_by_reason', k, v]);
  for (const [k, v] of Object.entries(r.reports.byState)) rows.push(['reports_by_state', k, v]);
  const tr = r.reports.timeToResolution;
  rows.push(['report_resolution_count', 'all', tr.count], ['report_resolution_ms_median', 'all', tr.medianMs], ['report_resolution_ms_p95', 'all', tr.p95Ms], ['report_resolution_ms_max', 'all', tr.maxMs]);
  rows.push(['reports_overdue', 'resolved_late', r.reports.overdue.resolvedLate], ['reports_overdue', 'open_past_due', r.reports.overdue.openPastDue]);
  for (const [queue, s] of Object.entries(r.responseTimes)) {
    rows.push(['response_count', queue, s.count], ['response_ms_median', queue, s.medianMs], ['response_ms_p95', queue, s.p95Ms], ['response_ms_max', queue, s.maxMs]);
  }
  rows.push(['overdue', 'total', r.overdue.total], ['overdue', 'decided_late', r.overdue.decidedLate], ['overdue', 'open_past_due', r.overdue.openPastDue]);
  const t = r.takedowns;
  rows.push(['takedowns', 'total', t.total], ['takedowns', 'urgent', t.urgent], ['takedowns', 'completed', t.completed], ['takedowns', 'completed_late', t.completedLate], ['takedowns', 'open_past_due', t.openPastDue], ['takedowns', 'warnings', t.warnings]);
  for (const o of t.orders) {
    const key = o.orderNumber;
    rows.push(['takedown_received', key, o.receivedAt], ['takedown_due', key, o.dueAt], ['takedown_urgent', key, o.urgent], ['takedown_status', key, o.status], ['takedown_completed', key, o.completedAt], ['takedown_completed_by', key, o.completedBy]);
    rows.push(['takedown_late', key, o.late], ['takedown_comments', key, o.comments], ['takedown_removed', key, o.removed], ['takedown_warnings', key, o.warnings.length]);
  }
  for (const d of r.daily) rows.push(['decisions_per_day', `${d.day} ${d.category}`, d.count]);
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

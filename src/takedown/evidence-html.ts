import type { Evidence, EvidenceComment } from './evidence';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML: comment text is the reader's, and is only ever shown as text. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const wib = (d: Date | string | null | undefined) => (d ? `${new Date(new Date(d).getTime() + 7 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19)} WIB` : '—');
const who = (id?: string, name?: string) => (id ? (name ? `${escapeHtml(name)} (${escapeHtml(id)})` : escapeHtml(id)) : '—');

function commentRow(c: EvidenceComment): string {
  const removed = c.removed ? 'dihapus (rejected)' : escapeHtml(c.decision.status);
  return `<tr><td><code>${escapeHtml(c.commentId)}</code><br>${escapeHtml(c.siteId)} / ${escapeHtml(c.externalId)}${c.articleUrl ? `<br>${escapeHtml(c.articleUrl)}` : ''}</td><td class="text">${escapeHtml(c.text)}</td><td>${wib(c.withdrawnAt)}<br>${who(c.withdrawnBy, c.withdrawnByName)}${c.alreadyRemoved ? '<br>(sudah dihapus sebelumnya)' : ''}</td><td>${removed}<br>${wib(c.decision.decidedAt)}<br>${who(c.decision.decidedBy, c.decision.decidedByName)}${c.decision.note ? `<br>${escapeHtml(c.decision.note)}` : ''}</td></tr>`;
}

/**
 * The evidence as a printable page (Permenkominfo 5/2020 Pasal 20(2)): the
 * order, its timeline and one table per item. Static HTML, no script; every
 * value is escaped.
 */
export function evidenceToHtml(e: Evidence): string {
  const o = e.order;
  const warnings = o.warnings.map((w, i) => `<li>Surat teguran ${i + 1}${w.letterNumber ? ` (${escapeHtml(w.letterNumber)})` : ''}: ${wib(w.receivedAt)}, dicatat oleh ${escapeHtml(w.recordedBy)}</li>`).join('');
  const items = e.items
    .map(
      (item) => `<h2>Butir ${item.index}: ${item.commentId ? `komentar <code>${escapeHtml(item.commentId)}</code>` : `artikel ${escapeHtml(item.articleUrl)}`}</h2>
${item.note ? `<p>${escapeHtml(item.note)}</p>` : ''}
${item.comments.length ? `<table><thead><tr><th>Komentar</th><th>Teks saat ditarik</th><th>Ditarik</th><th>Keputusan</th></tr></thead><tbody>${item.comments.map(commentRow).join('')}</tbody></table>` : '<p>Tidak ada komentar pada butir ini.</p>'}`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Bukti take-down ${escapeHtml(o.orderNumber)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#111}table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}td,th{border:1px solid #999;padding:.35em;vertical-align:top;text-align:left}td.text{white-space:pre-wrap;max-width:28em}@media print{body{margin:0}}</style></head>
<body>
<h1>Bukti pemutusan akses — perintah ${escapeHtml(o.orderNumber)}</h1>
<p>${escapeHtml(e.legalBasis.evidence)}. ${escapeHtml(e.legalBasis.order)}.</p>
<table><tbody>
<tr><th>Penerbit</th><td>${escapeHtml(o.issuer)}</td></tr>
<tr><th>Diterima</th><td>${wib(o.receivedAt)}</td></tr>
<tr><th>Batas waktu</th><td>${wib(o.dueAt)} (${o.deadline.hours} jam${o.urgent ? ', mendesak' : ''})</td></tr>
<tr><th>Selesai</th><td>${o.completedAt ? `${wib(o.completedAt)} oleh ${escapeHtml(o.completedBy)}${o.late ? ' — terlambat' : ''}` : `belum${o.overdue ? ' — lewat batas waktu' : ''}`}</td></tr>
<tr><th>Komentar</th><td>${e.summary.comments} (${e.summary.removed} dihapus, ${e.summary.notRemoved} belum)</td></tr>
</tbody></table>
${warnings ? `<ul>${warnings}</ul>` : ''}
${items}
<p><small>Dibuat ${wib(e.generatedAt)} oleh ${escapeHtml(e.generatedBy)} · Saring · order ${escapeHtml(o.id)}</small></p>
</body></html>
`;
}

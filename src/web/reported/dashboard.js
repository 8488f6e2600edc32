/* global document, window */
// The compliance dashboard: key figures and a stacked bar chart of decisions per category per day.
import { api, compliancePath } from './api.js';

const DAY = 86_400_000;
const palette = ['#12355b', '#d1495b', '#edae49', '#00798c', '#66a182', '#8d6a9f', '#2e4057', '#c45ab3', '#7c9885', '#e07a5f', '#3d405b', '#81b29a', '#f2cc8f', '#9c6644'];
let chart;

const fmtMs = (ms) => (ms === null || ms === undefined ? '—' : ms >= 3_600_000 ? `${(ms / 3_600_000).toFixed(1)} j` : `${Math.round(ms / 60_000)} m`);

function renderFigures(dl, r) {
  const rows = [
    ['Keputusan', r.decisions.total],
    ['oleh moderator', r.decisions.byDecider.moderator],
    ['Laporan pembaca', r.reports.total],
    ['Ditarik karena laporan', r.reports.withdrawn],
    ['Median respons', fmtMs(r.responseTimes.all.medianMs)],
    ['p95 respons', fmtMs(r.responseTimes.all.p95Ms)],
    ['p95 mendesak', fmtMs(r.responseTimes.urgent.p95Ms)],
    ['Terlambat', r.overdue.total],
  ];
  dl.replaceChildren(...rows.flatMap(([k, v]) => [Object.assign(document.createElement('dt'), { textContent: k }), Object.assign(document.createElement('dd'), { textContent: String(v) })]));
}

function chartData(daily) {
  const days = [...new Set(daily.map((d) => d.day))].sort();
  const categories = [...new Set(daily.map((d) => d.category))].sort();
  const datasets = categories.map((cat, i) => ({
    label: cat,
    backgroundColor: palette[i % palette.length],
    data: days.map((day) => daily.find((d) => d.day === day && d.category === cat)?.count ?? 0),
  }));
  return { labels: days, datasets };
}

/** Loads the last 14 days of the site's compliance report into the figures and the chart. */
export async function renderDashboard(session, root) {
  const to = new Date(Date.now() + 60_000);
  const from = new Date(to.getTime() - 14 * DAY);
  const r = await api(session, compliancePath(session.site, from, to));
  // the report counts days in WIB (UTC+7); label the period the same way as the chart's days
  const wibDay = (d) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  root.querySelector('#dash-period').textContent = `${wibDay(from)} – ${wibDay(to)} (WIB)`;
  root.querySelector('#csv-link').href = compliancePath(session.site, from, to, true);
  renderFigures(root.querySelector('#figures'), r);
  const canvas = root.querySelector('#decisions-chart');
  const data = chartData(r.daily);
  canvas.dataset.days = String(data.labels.length);
  canvas.dataset.categories = String(data.datasets.length);
  if (!window.Chart) throw new Error('chart library not loaded');
  chart?.destroy();
  chart = new window.Chart(canvas, {
    type: 'bar',
    data,
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { title: { display: true, text: 'Keputusan per kategori per hari (WIB)' }, legend: { position: 'bottom' } },
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
  canvas.dataset.ready = 'true';
  return r;
}

/* global window */
import { api, download } from './api.mjs';
import { el, replace } from './dom.mjs';
import { t } from './i18n.mjs';

const DAY = 86_400_000;
const palette = ['#12355b', '#d1495b', '#edae49', '#00798c', '#66a182', '#8d6a9f', '#2e4057', '#c45ab3', '#7c9885', '#e07a5f', '#3d405b', '#81b29a', '#f2cc8f', '#9c6644'];

const fmtMs = (ms) => (ms === null || ms === undefined ? '—' : ms >= 3_600_000 ? `${(ms / 3_600_000).toFixed(1)} j` : `${Math.round(ms / 60_000)} m`);
const wibDay = (d) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const compliancePath = (site, from, to, csv = false) => `/v1/reports/compliance?siteId=${encodeURIComponent(site)}&from=${from.toISOString()}&to=${to.toISOString()}${csv ? '&format=csv' : ''}`;

function chartData(daily) {
  const days = [...new Set(daily.map((d) => d.day))].sort();
  const categories = [...new Set(daily.map((d) => d.category))].sort();
  const datasets = categories.map((cat, i) => ({ label: cat, backgroundColor: palette[i % palette.length], data: days.map((day) => daily.find((d) => d.day === day && d.category === cat)?.count ?? 0) }));
  return { labels: days, datasets };
}

/**
 * The compliance dashboard of one site: key figures of the last 14 days, a
 * stacked chart of decisions per category per day (chart.js served by the
 * service, no CDN), and the CSV fetched with the token.
 */
export class DashboardView {
  constructor(root) {
    this.root = root;
    this.chart = undefined;
  }

  async show(sites) {
    const select = this.root.querySelector('#dash-site');
    const current = select.value || sites[0] || '';
    replace(select, sites.map((s) => el('option', { value: s, text: s })));
    select.value = current;
    select.onchange = () => this.load(select.value);
    this.root.querySelector('#csv-download').onclick = () => this.csv().catch((err) => (this.root.querySelector('#dash-error').textContent = err.message));
    if (current) await this.load(current);
  }

  period() {
    const to = new Date(Date.now() + 60_000);
    return { from: new Date(to.getTime() - 14 * DAY), to };
  }

  async load(site) {
    this.site = site;
    const { from, to } = this.period();
    this.root.querySelector('#dash-error').textContent = '';
    const r = await api(compliancePath(site, from, to));
    this.root.querySelector('#dash-period').textContent = `${site} · ${wibDay(from)} – ${wibDay(to)} (WIB)`;
    const rows = [
      [t('decisions'), r.decisions.total],
      [t('byModerator'), r.decisions.byDecider.moderator],
      [t('readerReports'), r.reports.total],
      [t('withdrawnReports'), r.reports.withdrawn],
      [t('median'), fmtMs(r.responseTimes.all.medianMs)],
      [t('p95'), fmtMs(r.responseTimes.all.p95Ms)],
      [t('p95urgent'), fmtMs(r.responseTimes.urgent.p95Ms)],
      [t('overdue'), r.overdue.total],
    ];
    replace(this.root.querySelector('#figures'), rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: String(v) })]));
    const canvas = this.root.querySelector('#decisions-chart');
    const data = chartData(r.daily);
    canvas.dataset.days = String(data.labels.length);
    canvas.dataset.categories = String(data.datasets.length);
    if (!window.Chart) throw new Error('chart library not loaded');
    this.chart?.destroy();
    this.chart = new window.Chart(canvas, {
      type: 'bar',
      data,
      options: { animation: false, maintainAspectRatio: false, plugins: { title: { display: true, text: t('chartTitle') }, legend: { position: 'bottom' } }, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });
    canvas.dataset.ready = 'true';
  }

  async csv() {
    const { from, to } = this.period();
    await download(compliancePath(this.site, from, to, true), `kepatuhan-${this.site}-${wibDay(from)}-${wibDay(to)}.csv`);
  }
}

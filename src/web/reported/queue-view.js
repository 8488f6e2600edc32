/* global document */
// Renders the held / reported queue: comment, reports, time left, author standing, actions.
import { api, queuePath, reportsPath, standingPath } from './api.js';
import { describeTimeLeft } from './time-left.js';

const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

function standingLine(st) {
  const span = el('span', 'standing');
  if (!st) return span;
  const c = st.counts;
  span.textContent = `penulis: setuju ${c.approved} · tahan ${c.held} · tolak ${c.rejected} (${st.windowDays} hari)`;
  span.title = 'disetujui / ditahan / ditolak dalam jendela';
  if (st.banned) {
    span.classList.add('banned');
    span.textContent += ` · diblokir s.d. ${new Date(st.bannedUntil).toLocaleString('id-ID')}`;
  } else if (st.repeatOffender) {
    span.classList.add('offender');
    span.textContent += ' · pelanggar berulang';
  }
  return span;
}

function renderItem(session, c, reports, standing, onAction) {
  const li = el('li', 'item');
  li.dataset.id = c.id;
  const meta = el('div', 'meta');
  const left = describeTimeLeft(c.dueAt);
  const time = el('span', `time-left ${left.cls}`.trim(), left.text);
  time.dataset.due = c.dueAt ?? '';
  meta.append(time);
  if (c.urgent) meta.append(el('span', 'badge urgent', 'mendesak 4 j'));
  if (c.withdrawnAt) meta.append(el('span', 'badge withdrawn', 'ditarik dari situs'));
  meta.append(el('span', 'badge', c.status), el('span', 'author', `${c.author.name} (${c.author.id})`), standingLine(standing));
  if (c.reportCount) meta.append(el('span', 'report-count', `${c.reportCount} laporan`));
  li.append(meta, el('p', 'text', c.maskedText ?? c.text));
  if (reports.length) {
    const ul = el('ul', 'reports');
    for (const r of reports) ul.append(el('li', 'report', `${r.reason}${r.note ? ` — ${r.note}` : ''} (${r.reporterId})`));
    li.append(ul);
  }
  const actions = el('div', 'actions');
  const button = (label, cls, fn) => {
    const b = el('button', cls, label);
    b.type = 'button';
    b.addEventListener('click', () => onAction(fn));
    actions.append(b);
  };
  button('Setujui', 'approve', () => api(session, `/v1/comments/${c.id}/decision`, { method: 'POST', body: JSON.stringify({ status: 'approved', expectedRevision: c.revision }) }));
  button('Tolak', 'reject', () => api(session, `/v1/comments/${c.id}/decision`, { method: 'POST', body: JSON.stringify({ status: 'rejected', expectedRevision: c.revision }) }));
  button('Blokir penulis 24 j', 'ban', () =>
    api(session, `${standingPath(c.siteId, c.author.id)}/ban`, { method: 'POST', body: JSON.stringify({ hours: 24, reason: `dari antrean: komentar ${c.id}` }) }),
  );
  li.append(actions);
  return li;
}

/** Loads and renders the queue; returns how many comments it shows. */
export async function renderQueue(session, list, onAction) {
  const { items } = await api(session, queuePath(session));
  const authors = [...new Set(items.map((c) => c.author.id))];
  const standings = new Map(await Promise.all(authors.map(async (a) => [a, await api(session, standingPath(session.site, a)).catch(() => undefined)])));
  const reports = await Promise.all(items.map((c) => (c.reportCount ? api(session, reportsPath(c.id)).then((r) => r.items) : Promise.resolve([]))));
  list.replaceChildren(...items.map((c, i) => renderItem(session, c, reports[i], standings.get(c.author.id), onAction)));
  return items.length;
}

/** Refreshes every "time left" label (called every 30 s). */
export function tickTimeLeft(root) {
  for (const t of root.querySelectorAll('.time-left')) {
    const left = describeTimeLeft(t.dataset.due || undefined);
    t.textContent = left.text;
    t.className = `time-left ${left.cls}`.trim();
  }
}

/* global document */
import { api, ApiError } from './api.mjs';
import { el, highlighted, reasonList, replace, timeLabel, toast } from './dom.mjs';
import { QueueState } from './queue-state.mjs';

const $ = (id) => document.getElementById(id);

/** The queue page: list, counters, detail with history, decisions and keyboard shortcuts. */
export class QueueView {
  constructor() {
    this.state = new QueueState();
    this.selectedId = undefined;
    this.history = new Map();
    this.siteIds = [];
    $('f-site').addEventListener('change', (e) => this.setFilter('siteId', e.target.value));
    $('f-article').addEventListener('input', (e) => this.setFilter('articleId', e.target.value.trim()));
    $('f-category').addEventListener('change', (e) => this.setFilter('category', e.target.value));
    document.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** Loads the held comments (after the stream is open, so nothing falls in between). */
  async load(principal) {
    this.siteIds = principal.siteIds ?? [];
    const res = await api('/v1/comments?status=pending&limit=200');
    for (const c of res.items) this.state.add(c);
    this.render();
  }

  /** Applies one stream event. */
  onEvent(frame) {
    // the author's history changed: forget it, so the detail reloads it
    if (frame.type.startsWith('comment.') && frame.data?.author) this.history.delete(`${frame.data.siteId}\u0000${frame.data.author.id}`);
    if (frame.type === 'comment.created') this.state.add(frame.data);
    else if (frame.type === 'comment.decided' || frame.type === 'comment.edited') this.state.decided(frame.data);
    else if (frame.type === 'rules.reloaded') toast(`Rules reloaded (${frame.data.version ?? ''})`);
    else if (frame.type === 'rules.rejected') toast('A rule change was refused; the last good rules keep serving.');
    else return;
    this.render();
  }

  setFilter(key, value) {
    this.state.filters[key] = value;
    this.render();
  }

  render() {
    const visible = this.state.visible();
    if (!visible.some((c) => c.id === this.selectedId)) this.selectedId = visible[0]?.id;
    $('queue-count').textContent = String(this.state.items.size);
    $('queue-empty').hidden = visible.length > 0;
    replace($('queue-list'), visible.map((c) => this.row(c)));
    replace($('counters'), this.state.counters().map(([cat, n]) => el('li', { class: this.state.filters.category === cat ? 'on' : '', onclick: () => this.toggleCategory(cat) }, el('span', { text: cat }), el('span', { class: 'count', text: n }))));
    this.renderOptions();
    this.renderDetail();
    replace($('recent-list'), this.state.recent.map((c) => el('li', { dataset: { id: c.id } }, el('span', { class: `badge status-${c.status}`, text: c.status }), el('span', { class: 'excerpt', text: c.text.slice(0, 80) }), el('span', { class: 'muted', text: ` ${c.decision?.decidedBy ?? ''}` }))));
  }

  toggleCategory(cat) {
    this.setFilter('category', this.state.filters.category === cat ? '' : cat);
  }

  renderOptions() {
    const sites = [...new Set([...this.siteIds, ...this.state.sites()])].sort();
    syncOptions($('f-site'), 'All sites', sites, this.state.filters.siteId);
    syncOptions($('f-category'), 'All categories', this.state.counters().map(([c]) => c), this.state.filters.category);
  }

  row(c) {
    const cats = QueueState.categories(c);
    return el(
      'li',
      { class: `queue-item${c.id === this.selectedId ? ' selected' : ''}`, dataset: { id: c.id }, onclick: () => this.select(c.id) },
      el('div', { class: 'meta' }, el('span', { class: 'site', text: c.siteId }), el('span', { class: 'muted', text: ` ${timeLabel(c.createdAt)}` })),
      el('div', { class: 'excerpt', text: c.text.length > 140 ? `${c.text.slice(0, 140)}…` : c.text }),
      el('div', {}, cats.map((cat) => el('span', { class: 'badge cat', text: cat }))),
    );
  }

  select(id) {
    this.selectedId = id;
    this.render();
    document.querySelector('.queue-item.selected')?.scrollIntoView({ block: 'nearest' });
  }

  renderDetail() {
    const c = this.state.items.get(this.selectedId);
    const history = c ? this.history.get(`${c.siteId}\u0000${c.author?.id}`) : undefined;
    // re-render only on a real change, so a note being typed keeps its text and focus
    const key = c ? `${c.id}:${c.revision}:${Array.isArray(history)}` : '';
    if (key === this.detailKey) return;
    const typed = c && this.detailId === c.id ? ($('decision-note')?.value ?? '') : '';
    this.detailKey = key;
    this.detailId = c?.id;
    if (!c) return replace($('detail'), el('p', { class: 'muted', text: 'Select a comment (j).' }));
    const article = c.articleUrl && /^https?:\/\//.test(c.articleUrl) ? el('a', { href: c.articleUrl, target: '_blank', rel: 'noopener noreferrer', text: c.articleTitle || c.articleId }) : el('span', { text: c.articleTitle || c.articleId });
    const note = el('input', { id: 'decision-note', placeholder: 'note (optional)', maxlength: 2000 });
    note.value = typed;
    replace(
      $('detail'),
      el('h2', { text: 'Held comment' }),
      el('div', { class: 'meta' }, el('span', { text: 'Article: ' }), article, el('span', { class: 'muted', text: ` · ${c.siteId} · ${c.articleId}` })),
      el('div', { class: 'meta' }, el('span', { text: `Author: ${c.author?.name ?? ''} ` }), el('span', { class: 'muted', text: `(${c.author?.id ?? ''})` })),
      highlighted(c.text, c.reasons),
      el('h3', { text: 'Why it was held' }),
      reasonList(c.reasons),
      el('div', { class: 'actions' }, note, el('button', { type: 'button', class: 'approve', onclick: () => this.decide('approved') }, 'Approve (a)'), el('button', { type: 'button', class: 'reject', onclick: () => this.decide('rejected') }, 'Reject (r)')),
      el('p', { id: 'decision-error', class: 'error', role: 'alert' }),
      el('h3', { text: "Author's recent comments" }),
      this.historyList(c),
    );
  }

  historyList(c) {
    const key = `${c.siteId}\u0000${c.author?.id}`;
    const cached = this.history.get(key);
    if (!cached) {
      this.history.set(key, 'loading');
      api(`/v1/comments?authorId=${encodeURIComponent(c.author?.id ?? '')}&siteId=${encodeURIComponent(c.siteId)}&limit=10`).then(
        (res) => {
          this.history.set(key, res.items);
          this.renderDetail();
        },
        () => this.history.set(key, []),
      );
    }
    if (!Array.isArray(cached)) return el('p', { class: 'muted', text: 'Loading…' });
    const others = cached.filter((h) => h.id !== c.id);
    if (!others.length) return el('p', { class: 'muted', text: 'No other comments from this author.' });
    return el('ul', { class: 'history' }, others.map((h) => el('li', {}, el('span', { class: `badge status-${h.status}`, text: h.status }), el('span', { class: 'muted', text: ` ${timeLabel(h.createdAt)} ` }), el('span', { text: h.text.slice(0, 120) }))));
  }

  /** Approves or rejects the selected comment at the revision shown; a 409 offers to force. */
  async decide(status, force = false) {
    const c = this.state.items.get(this.selectedId);
    if (!c) return;
    const note = $('decision-note')?.value.trim();
    const body = { status, ...(note ? { note } : {}), ...(force ? { force: true } : { expectedRevision: c.revision }) };
    try {
      const updated = await api(`/v1/comments/${encodeURIComponent(c.id)}/decision`, { method: 'POST', body });
      const next = this.neighbour(c.id, 1) ?? this.neighbour(c.id, -1);
      this.state.decided(updated);
      this.selectedId = next?.id;
      this.render();
    } catch (err) {
      const box = $('decision-error');
      if (err instanceof ApiError && err.status === 409) {
        replace(box, el('span', { text: `${err.message} ` }), el('button', { type: 'button', onclick: () => this.decide(status, true) }, `Force ${status}`));
      } else if (box) box.textContent = err.message;
    }
  }

  neighbour(id, step) {
    const list = this.state.visible();
    const i = list.findIndex((c) => c.id === id);
    return i < 0 ? undefined : list[i + step];
  }

  onKey(e) {
    if ($('queue-view').hidden || e.ctrlKey || e.metaKey || e.altKey) return;
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target?.tagName)) return;
    const moves = { j: 1, k: -1 };
    if (e.key in moves) {
      const next = this.selectedId ? this.neighbour(this.selectedId, moves[e.key]) : this.state.visible()[0];
      if (next) this.select(next.id);
    } else if (e.key === 'a') this.decide('approved');
    else if (e.key === 'r') this.decide('rejected');
    else return;
    e.preventDefault();
  }
}

function syncOptions(select, allLabel, values, current) {
  const wanted = ['', ...values];
  const have = [...select.options].map((o) => o.value);
  if (wanted.join('\u0000') === have.join('\u0000')) return;
  replace(select, wanted.map((v) => el('option', { value: v, text: v || allLabel })));
  select.value = current;
}

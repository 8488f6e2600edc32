/* global document, setTimeout, clearTimeout, URLSearchParams */
import { api, ApiError } from './api.mjs';
import { Detail } from './detail.mjs';
import { el, replace, toast } from './dom.mjs';
import { statusLabel, t, timeLabel, timeLeft } from './i18n.mjs';
import { categoriesOf, QueuePage } from './queue-state.mjs';

const $ = (id) => document.getElementById(id);
export const PAGE_SIZE = 50;

/**
 * The queue (all held and reported comments) or the Reported queue, one
 * server page at a time in due order, with the server's exact counts, the
 * selected comment's detail, decisions and the keyboard. A decision goes to
 * the comment on screen: the next comment is chosen when the key is
 * pressed, and a comment decided elsewhere stays selected, marked.
 */
export class QueueView {
  constructor({ names }) {
    this.names = names;
    this.mode = 'all';
    this.filters = { siteId: '', articleId: '', category: '' };
    this.state = new QueuePage();
    this.selectedId = undefined;
    this.pending = new Map();
    this.conflict = undefined;
    this.busy = undefined;
    this.recent = [];
    this.siteIds = [];
    this.detail = new Detail($('detail'), { onDecide: (status, force) => this.decide(status, force), nameOf: (id, name) => this.nameOf(id, name) });
    this.detail.refresh = () => this.renderDetail();
    $('f-site').addEventListener('change', (e) => this.setFilter('siteId', e.target.value));
    $('f-article').addEventListener('change', (e) => this.setFilter('articleId', e.target.value.trim()));
    $('f-category').addEventListener('change', (e) => this.setFilter('category', e.target.value));
    $('page-prev').addEventListener('click', () => this.turn(-1));
    $('page-next').addEventListener('click', () => this.turn(1));
    document.addEventListener('keydown', (e) => this.onKey(e));
  }

  nameOf(id, name) {
    if (name && id) this.names.set(id, name);
    return (id && this.names.get(id)) ?? id ?? '?';
  }

  query(extra = {}) {
    const q = new URLSearchParams({ queue: this.mode, sort: 'due', ...extra });
    for (const [k, v] of Object.entries(this.filters)) if (v) q.set(k, v);
    return `/v1/comments?${q}`;
  }

  /** Shows the whole queue (`all`) or the Reported one, from its first page. */
  async show(mode, principal) {
    if (principal) {
      this.siteIds = principal.siteIds ?? [];
      this.me = principal.id;
    }
    const changed = mode !== this.mode;
    this.mode = mode;
    $('queue-title').textContent = t(mode === 'reported' ? 'queueReported' : 'queueAll');
    if (changed || !this.loaded) await this.reload(true);
    else this.render();
  }

  /** Loads the current page again (`first`: the first page), keeping the selection when it is still there. */
  async reload(first = false) {
    if (first) {
      this.state.cursors = [null];
      this.state.page = 0;
    }
    const cursor = this.state.cursors[this.state.page];
    try {
      const res = await api(this.query({ limit: String(PAGE_SIZE), counts: 'true', ...(cursor ? { cursor } : {}) }));
      const keep = this.selectedId && this.state.get(this.selectedId);
      this.state.load(res.items, res.nextCursor);
      this.state.counts = res.counts;
      // the selected comment stays on screen even if a reload would move it off the page
      if (keep && !this.state.has(keep.id) && !first && !this.state.offer(keep)) this.state.items.unshift(keep);
      this.loaded = true;
      $('queue-empty').textContent = t('empty');
      if (!this.state.has(this.selectedId)) this.selectedId = this.state.items[0]?.id;
      this.render();
    } catch (err) {
      $('queue-empty').textContent = t('loadError', { message: err.message });
      $('queue-empty').hidden = false;
    }
  }

  /** Asks the server for the exact counts again (debounced: a burst of events costs one read). */
  recount() {
    clearTimeout(this.recountTimer);
    this.recountTimer = setTimeout(async () => {
      try {
        const res = await api(this.query({ limit: '1', counts: 'true' }));
        this.state.counts = res.counts;
        this.renderCounts();
      } catch {
        // the next event or reload counts again
      }
    }, 250);
  }

  /** Turns the page: `n`/`p`, the buttons, or `j` past the last comment. */
  async turn(step, selectLast = false) {
    if (step > 0 && !this.state.nextCursor) return false;
    if (step < 0 && this.state.page === 0) return false;
    if (step > 0) this.state.cursors[this.state.page + 1] = this.state.nextCursor;
    this.state.page += step;
    this.selectedId = undefined;
    await this.reload();
    if (selectLast) this.selectedId = this.state.items[this.state.items.length - 1]?.id;
    this.render();
    return true;
  }

  matches(c) {
    if (this.mode === 'reported' && !c.reported) return false;
    if (this.filters.siteId && c.siteId !== this.filters.siteId) return false;
    if (this.filters.articleId && c.articleId !== this.filters.articleId) return false;
    return !this.filters.category || categoriesOf(c).includes(this.filters.category);
  }

  /** Applies one stream event. */
  onEvent(frame) {
    const c = frame.data;
    if (frame.type.startsWith('comment.') && c?.author) this.detail.forgetAuthor(c.siteId, c.author.id);
    if (frame.type === 'comment.created') {
      if (c.status === 'pending' && this.matches(c)) this.state.offer(c);
      this.recount();
    } else if (frame.type === 'comment.decided' || frame.type === 'comment.edited') this.onDecided(c);
    else if (frame.type === 'comment.reported' || frame.type === 'comment.overdue') {
      this.recount();
      this.scheduleReload();
    } else if (frame.type === 'takedown.received' || frame.type === 'takedown.overdue') {
      // a ministry order moved comments into the queue (or is late): say so, and reload the queue by deadline
      const vars = { number: c?.orderNumber ?? '', count: c?.comments?.length ?? 0, hours: c?.deadline?.hours ?? '' };
      toast(t(frame.type === 'takedown.received' ? 'takedownReceived' : 'takedownOverdue', vars));
      this.recount();
      this.scheduleReload();
    } else if (frame.type === 'rules.reloaded') toast(t('rulesReloaded', { version: c?.version ?? '' }));
    else if (frame.type === 'rules.rejected') toast(t('rulesRejected'));
    else return;
    this.render();
  }

  scheduleReload() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => this.reload(), 400);
  }

  onDecided(c) {
    this.recount();
    if (c.decidedByName) this.names.set(c.decidedBy ?? c.decision?.decidedBy, c.decidedByName);
    if (c.status === 'pending') return;
    this.remember(c);
    // our own decision (its event may beat its answer); another moderator's event while ours is in flight is not ours
    const mine = this.pending.get(c.id);
    if (mine && (c.decidedBy ?? c.decision?.decidedBy) === this.me) return this.leave(c.id, mine.next);
    if (c.id === this.selectedId && this.state.has(c.id)) {
      this.state.markGone(c.id, { status: c.status, decidedBy: c.decidedBy ?? c.decision?.decidedBy, decidedByName: c.decidedByName });
      toast(t('decidedElsewhere', { status: statusLabel(c.status), who: this.nameOf(c.decidedBy ?? c.decision?.decidedBy, c.decidedByName) }));
    } else this.state.remove(c.id);
  }

  remember(c) {
    this.recent = [c, ...this.recent.filter((r) => r.id !== c.id)].slice(0, 20);
  }

  /** Our own decision of `id` is done (its answer or its event, whichever came first): select the comment chosen at the key press. */
  leave(id, nextId) {
    const at = this.state.indexOf(id);
    if (at < 0) return;
    this.state.remove(id);
    if (this.selectedId === id) {
      this.selectedId = this.state.has(nextId) ? nextId : this.state.items[Math.min(at, this.state.items.length - 1)]?.id;
      this.conflict = undefined;
    }
    if (this.state.items.length === 0) this.scheduleReload();
  }

  setFilter(key, value) {
    if (this.filters[key] === value) return;
    this.filters[key] = value;
    this.selectedId = undefined;
    this.reload(true);
  }

  render() {
    const items = this.state.items;
    // nothing chosen yet (an empty queue got its first comment, a new page): the most urgent one.
    // A chosen comment never leaves the page unseen: ours moves on in leave(), another's is kept marked.
    if (!this.state.has(this.selectedId)) this.selectedId = items[0]?.id;
    $('queue-empty').hidden = items.length > 0;
    replace($('queue-list'), items.map((c) => this.row(c)));
    this.renderCounts();
    this.renderDetail();
    replace($('recent-list'), this.recent.map((c) => el('li', { dataset: { id: c.id } }, el('span', { class: `badge status-${c.status}`, dataset: { status: c.status }, text: statusLabel(c.status) }), el('span', { class: 'excerpt', text: c.text.slice(0, 80) }), el('span', { class: 'muted decider', text: ` ${this.nameOf(c.decidedBy ?? c.decision?.decidedBy, c.decidedByName)}` }))));
  }

  renderCounts() {
    const counts = this.state.counts;
    const total = counts?.total ?? 0;
    $('queue-count').textContent = String(total);
    $('queue-count').dataset.total = String(total);
    $('count-reported').textContent = String(counts?.reported ?? 0);
    $('count-overdue').textContent = String(counts?.overdue ?? 0);
    // with a category chosen, the page counts against that category's exact count
    const matching = this.filters.category ? (counts?.byCategory.find((c) => c.category === this.filters.category)?.count ?? 0) : total;
    $('page-info').textContent = t('pageOf', { page: this.state.page + 1, shown: this.state.items.length, total: matching });
    $('page-prev').disabled = this.state.page === 0;
    $('page-next').disabled = !this.state.nextCursor;
    const cats = counts?.byCategory ?? [];
    replace($('counters'), cats.map(({ category, count }) => el('li', { class: this.filters.category === category ? 'on' : '', dataset: { category }, onclick: () => this.setFilter('category', this.filters.category === category ? '' : category) }, el('span', { text: category }), el('span', { class: 'count', text: count }))));
    const sites = [...new Set([...this.siteIds, ...(counts?.bySite ?? []).map((s) => s.siteId)])].sort();
    syncOptions($('f-site'), t('allSites'), sites, this.filters.siteId);
    syncOptions($('f-category'), t('allCategories'), [...new Set([...cats.map((c) => c.category), this.filters.category].filter(Boolean))], this.filters.category);
  }

  row(c) {
    const left = timeLeft(c.dueAt);
    const gone = this.state.gone.get(c.id);
    return el(
      'li',
      { class: `queue-item${c.id === this.selectedId ? ' selected' : ''}${gone ? ' gone' : ''}`, dataset: { id: c.id }, onclick: () => this.select(c.id) },
      el('div', { class: 'meta' },
        el('span', { class: `time-left ${left.cls}`, dataset: { due: c.dueAt ?? '' }, text: left.text }),
        el('span', { class: 'site', text: ` ${c.siteId}` }),
        el('span', { class: 'muted', text: ` ${timeLabel(c.createdAt)}` }),
        c.urgent ? el('span', { class: 'badge urgent', text: t('urgent') }) : null,
        c.reportCount ? el('span', { class: 'badge reported', text: t('reportedBadge', { n: c.reportCount }) }) : null,
        gone ? el('span', { class: `badge status-${gone.status}`, text: statusLabel(gone.status) }) : null,
      ),
      el('div', { class: 'excerpt', text: c.text.length > 140 ? `${c.text.slice(0, 140)}…` : c.text }),
      el('div', {}, categoriesOf(c).map((cat) => el('span', { class: 'badge cat', text: cat }))),
    );
  }

  select(id) {
    if (id !== this.selectedId) {
      this.conflict = undefined;
      this.busy = undefined;
    }
    this.selectedId = id;
    this.state.dropGone(id);
    this.render();
    document.querySelector('.queue-item.selected')?.scrollIntoView({ block: 'nearest' });
  }

  renderDetail() {
    const c = this.state.get(this.selectedId);
    this.detail.render(c, { gone: c && this.state.gone.get(c.id), conflict: this.conflict?.id === c?.id ? this.conflict : undefined, busy: this.busy });
  }

  /**
   * Decides the selected comment at the revision on screen. The comment to
   * select next is chosen now, at the key press: the `comment.decided` event
   * may arrive before this answer. A 409 shows who decided and offers Force.
   */
  async decide(status, force = false) {
    const c = this.state.get(this.selectedId);
    if (!c || this.pending.has(c.id)) return;
    const next = this.state.neighbour(c.id, 1) ?? this.state.neighbour(c.id, -1);
    const note = $('decision-note')?.value.trim();
    const body = { status, expectedRevision: c.revision, ...(note ? { note } : {}), ...(force ? { force: true } : {}) };
    this.pending.set(c.id, { next: next?.id });
    try {
      const updated = await api(`/v1/comments/${encodeURIComponent(c.id)}/decision`, { method: 'POST', body });
      this.remember({ ...updated, decidedBy: updated.decision?.decidedBy });
      this.leave(c.id, next?.id);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) this.conflict = { id: c.id, status, current: err.details?.[0] ?? {} };
      else toast(err.message);
    } finally {
      this.pending.delete(c.id);
    }
    this.render();
    document.querySelector('.queue-item.selected')?.scrollIntoView({ block: 'nearest' });
  }

  async move(step) {
    const list = this.state.items;
    if (!this.selectedId || !this.state.has(this.selectedId)) {
      if (list[0]) this.select(list[0].id);
      return;
    }
    const next = this.state.neighbour(this.selectedId, step);
    if (next) return this.select(next.id);
    // past either end of the page: the next or previous page of the queue
    await this.turn(step, step < 0);
  }

  onKey(e) {
    if ($('queue-view').hidden || e.ctrlKey || e.metaKey || e.altKey) return;
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target?.tagName)) return;
    const actions = { j: () => this.move(1), k: () => this.move(-1), a: () => this.decide('approved'), r: () => this.decide('rejected'), n: () => this.turn(1), p: () => this.turn(-1) };
    if (!(e.key in actions)) return;
    e.preventDefault();
    actions[e.key]();
  }

  /** Refreshes every "time left" label (called every 30 s). */
  tick() {
    for (const node of document.querySelectorAll('#queue-view .time-left')) {
      const left = timeLeft(node.dataset.due || undefined);
      node.textContent = left.text;
      node.className = `time-left ${left.cls}`;
    }
  }
}

function syncOptions(select, allLabel, values, current) {
  const wanted = ['', ...values];
  const have = [...select.options].map((o) => o.value);
  if (wanted.join('\u0000') !== have.join('\u0000') || select.options[0]?.textContent !== allLabel) replace(select, wanted.map((v) => el('option', { value: v, text: v || allLabel })));
  select.value = current;
}

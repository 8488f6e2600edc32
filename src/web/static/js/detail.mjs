/* global document, setTimeout, clearTimeout */
import { api } from './api.mjs';
import { el, highlighted, reasonList, replace } from './dom.mjs';
import { spanLabel, statusLabel, t, timeLabel, timeLeft } from './i18n.mjs';

/**
 * The selected comment, with everything a moderator needs to decide it:
 * the original text with the matched spans, the reasons with the law in
 * force, the deadline and time left, reader reports, the author's standing
 * and recent comments. Side data (reports, standing, history) is fetched
 * once per comment revision and cached.
 */
export class Detail {
  constructor(root, { onDecide, nameOf }) {
    this.root = root;
    this.onDecide = onDecide;
    this.nameOf = nameOf;
    this.cache = new Map();
    this.key = '';
    this.shownId = undefined;
  }

  /** Forgets what was fetched about an author (their history changed). */
  forgetAuthor(siteId, authorId) {
    for (const k of [...this.cache.keys()]) if (k.startsWith(`a\u0000${siteId}\u0000${authorId}\u0000`)) this.cache.delete(k);
  }

  fetchOnce(key, load) {
    if (!this.cache.has(key)) {
      const entry = { state: 'loading' };
      this.cache.set(key, entry);
      // an answer for an entry forgotten meanwhile (the author wrote again) is stale: dropped
      const settle = (value) => this.cache.get(key) === entry && this.cache.set(key, { state: 'done', value });
      load().then(settle, () => settle(undefined)).finally(() => this.refresh?.());
    }
    return this.cache.get(key);
  }

  /** Renders `c` (undefined: the hint); `gone` is the decision made elsewhere, `conflict` a refused decision. */
  render(c, { gone, conflict, busy } = {}) {
    const side = c ? this.side(c) : undefined;
    const key = c ? JSON.stringify([c.id, c.revision, gone?.status, conflict, busy, side.map((s) => s.state), document.documentElement.lang]) : document.documentElement.lang;
    if (key === this.key) return;
    this.key = key;
    const typed = c && this.shownId === c.id ? (this.root.querySelector('#decision-note')?.value ?? '') : '';
    this.shownId = c?.id;
    this.root.dataset.id = c?.id ?? '';
    if (!c) return replace(this.root, el('p', { class: 'muted', text: t('selectHint') }));
    const note = el('input', { id: 'decision-note', placeholder: t('note'), maxlength: 2000, 'aria-label': t('note') });
    note.value = typed;
    const [reports, standing, history] = side;
    replace(
      this.root,
      el('div', { class: 'detail-body' },
        el('h2', { text: t('heldComment') }),
        gone ? el('p', { class: 'notice gone', role: 'alert', text: t('decidedElsewhere', { status: statusLabel(gone.status), who: this.nameOf(gone.decidedBy, gone.decidedByName) }) }) : null,
        this.meta(c),
        highlighted(c.text, c.reasons),
        c.maskedText && c.maskedText !== c.text ? el('p', { class: 'published muted' }, el('span', { text: `${t('published')}: ` }), el('span', { text: c.maskedText })) : null,
        el('h3', { text: t('why') }),
        reasonList(c.reasons, { reported: !!c.reported }),
        c.reportCount ? this.reportList(reports) : null,
        el('h3', { text: t('standing') }),
        this.standingLine(standing),
        el('h3', { text: t('history') }),
        this.historyList(c, history),
      ),
      el('div', { class: 'actions', id: 'decision-actions' },
        note,
        el('button', { type: 'button', class: 'approve', id: 'approve', onclick: () => this.onDecide('approved') }, t('approve')),
        el('button', { type: 'button', class: 'reject', id: 'reject', onclick: () => this.onDecide('rejected') }, t('reject')),
        this.conflictBox(conflict, busy),
      ),
    );
  }

  side(c) {
    // side data waits until the selection rests a moment: holding j through a long queue fetches nothing on the way
    if (this.restedId !== c.id) {
      clearTimeout(this.restTimer);
      this.restTimer = setTimeout(() => {
        this.restedId = c.id;
        this.refresh?.();
      }, 200);
      const waiting = { state: 'waiting' };
      return [c.reportCount ? waiting : { state: 'done', value: [] }, waiting, waiting];
    }
    const author = `a\u0000${c.siteId}\u0000${c.author?.id}\u0000`;
    return [
      c.reportCount ? this.fetchOnce(`r\u0000${c.id}\u0000${c.reportCount}`, () => api(`/v1/comments/${encodeURIComponent(c.id)}/reports`).then((r) => r.items)) : { state: 'done', value: [] },
      this.fetchOnce(`${author}standing`, () => api(`/v1/sites/${encodeURIComponent(c.siteId)}/authors/${encodeURIComponent(c.author?.id ?? '')}`)),
      this.fetchOnce(`${author}history`, () => api(`/v1/comments?authorId=${encodeURIComponent(c.author?.id ?? '')}&siteId=${encodeURIComponent(c.siteId)}&limit=10`).then((r) => r.items)),
    ];
  }

  meta(c) {
    const title = c.articleTitle || c.articleId;
    const article = c.articleUrl && /^https?:\/\//.test(c.articleUrl) ? el('a', { href: c.articleUrl, target: '_blank', rel: 'noopener noreferrer', text: title }) : el('span', { text: title });
    const left = timeLeft(c.dueAt);
    return el('div', { class: 'meta-block' },
      el('div', { class: 'meta' }, el('span', { text: `${t('articleLabel')}: ` }), article, el('span', { class: 'muted', text: ` · ${c.siteId} · ${c.articleId}` })),
      el('div', { class: 'meta' }, el('span', { text: `${t('authorLabel')}: ${c.author?.name ?? ''} ` }), el('span', { class: 'muted', text: `(${c.author?.id ?? ''}) · ${t('received', { time: timeLabel(c.createdAt) })}` })),
      el('div', { class: 'meta due' },
        el('span', { class: 'due-at', text: c.dueAt ? t('due', { time: timeLabel(c.dueAt) }) : t('noDue') }), ' ',
        el('span', { class: `time-left ${left.cls}`, dataset: { due: c.dueAt ?? '' }, text: c.dueAt ? left.text : '' }),
        c.urgent ? el('span', { class: 'badge urgent', text: t('urgent') }) : null,
        c.withdrawnAt ? el('span', { class: 'badge withdrawn', text: t('withdrawn') }) : null,
        c.reportCount ? el('span', { class: 'badge reported', text: t('reportedBadge', { n: c.reportCount }) }) : null,
      ),
    );
  }

  reportList(entry) {
    if (entry.state !== 'done') return el('p', { class: 'muted', text: t('loading') });
    // each report with its Pasal 10 state, and how long it took once resolved (or when it is due)
    const stateOf = (r) => {
      const state = r.state ?? 'received';
      const when = r.resolvedAt ? t('resolvedIn', { span: spanLabel(new Date(r.resolvedAt).getTime() - new Date(r.at).getTime()) }) : r.dueAt ? t('reportDue', { time: timeLabel(r.dueAt) }) : '';
      return el('span', { class: `badge report-state ${state}`, text: when ? `${t(`reportState_${state}`)} · ${when}` : t(`reportState_${state}`) });
    };
    return el(
      'div',
      { class: 'reports-box' },
      el('h3', { text: t('reports') }),
      el('ul', { class: 'reports' }, (entry.value ?? []).map((r) => el('li', { class: 'report' }, stateOf(r), ` ${r.reason}${r.note ? ` — ${r.note}` : ''} (${r.reporterId}, ${timeLabel(r.at)})`))),
    );
  }

  standingLine(entry) {
    if (entry.state !== 'done') return el('p', { class: 'muted', text: t('loading') });
    const st = entry.value;
    if (!st) return el('p', { class: 'muted', text: '—' });
    const parts = [t('standingLine', { approved: st.counts.approved, held: st.counts.held, rejected: st.counts.rejected, days: st.windowDays })];
    if (st.repeatOffender) parts.push(t('offender'));
    if (st.banned) parts.push(t('bannedUntil', { time: timeLabel(st.bannedUntil) }));
    return el('p', { class: `standing${st.repeatOffender || st.banned ? ' warn' : ''}`, text: parts.join(' · ') });
  }

  historyList(c, entry) {
    if (entry.state !== 'done') return el('p', { class: 'muted', text: t('loading') });
    const others = (entry.value ?? []).filter((h) => h.id !== c.id);
    if (!others.length) return el('p', { class: 'muted', text: t('noHistory') });
    return el('ul', { class: 'history' }, others.map((h) => el('li', {}, el('span', { class: `badge status-${h.status}`, text: statusLabel(h.status) }), el('span', { class: 'muted', text: ` ${timeLabel(h.createdAt)} ` }), el('span', { text: h.text.slice(0, 120) }))));
  }

  conflictBox(conflict, busy) {
    if (busy) return el('p', { id: 'decision-error', class: 'error', role: 'alert', text: busy });
    if (!conflict) return el('p', { id: 'decision-error', class: 'error', role: 'alert' });
    return el('p', { id: 'decision-error', class: 'error conflict', role: 'alert' },
      el('span', { text: `${conflict.current.status === 'pending' ? t('busy') : t('conflict', { status: statusLabel(conflict.current.status), who: this.nameOf(conflict.current.decidedBy), time: timeLabel(conflict.current.decidedAt) })} ` }),
      el('button', { type: 'button', id: 'force', class: 'force', onclick: () => this.onDecide(conflict.status, true) }, t('force', { status: statusLabel(conflict.status) })),
    );
  }
}

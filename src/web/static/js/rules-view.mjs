/* global document */
import { api, ApiError } from './api.mjs';
import { el, highlighted, reasonList, replace, toast } from './dom.mjs';
import { statusLabel, t } from './i18n.mjs';

/**
 * The admin's rules page: list the rule files, edit one (saved with
 * If-Match, so two admins cannot overwrite each other), see validation
 * issues inline, and try a comment against the serving rules.
 */
export class RulesView {
  constructor(root, siteIds) {
    this.root = root;
    this.siteIds = siteIds;
    this.file = undefined;
  }

  async show() {
    const listing = await api('/v1/rules');
    this.editor = el('textarea', { id: 'rule-editor', class: 'editor', spellcheck: 'false', 'aria-label': 'rule file' });
    this.issues = el('ul', { id: 'rule-issues', class: 'issues' });
    this.fileTitle = el('h2', { text: t('pickFile') });
    replace(
      this.root,
      el(
        'section',
        { class: 'card rule-files' },
        el('h2', { text: t('ruleFiles') }),
        el('p', { class: 'muted', text: t('serving', { version: listing.rulesetVersion, rules: listing.ruleCount, terms: listing.termCount }) }),
        el('ul', { class: 'files' }, listing.files.map((f) => el('li', {}, el('button', { type: 'button', class: 'link', dataset: { name: f.name }, onclick: () => this.open(f.name) }, f.name), el('span', { class: 'muted', text: ` ${f.categories.join(', ')} · ${f.ruleCount} rules${f.loaded ? '' : ' · not loaded'}` })))),
      ),
      el(
        'section',
        { class: 'card rule-edit' },
        this.fileTitle,
        this.editor,
        el('div', { class: 'actions' }, el('button', { type: 'button', id: 'rule-validate', onclick: () => this.validate() }, t('validate')), el('button', { type: 'button', id: 'rule-save', class: 'approve', onclick: () => this.save() }, t('save'))),
        this.issues,
      ),
      this.tryBox(),
    );
  }

  async open(name) {
    const file = await api(`/v1/rules/${encodeURIComponent(name)}`);
    this.file = { name, etag: file.etag };
    this.fileTitle.textContent = name;
    this.editor.value = file.content;
    replace(this.issues);
  }

  showIssues(issues, okText) {
    if (!issues.length) return replace(this.issues, el('li', { class: 'ok', text: okText }));
    replace(this.issues, issues.map((i) => el('li', { class: 'error' }, el('strong', { text: `${i.file ?? i.path ?? ''}${i.line ? `:${i.line}` : ''}` }), i.ruleId ? el('span', { class: 'muted', text: ` ${i.ruleId}` }) : null, el('span', { text: ` ${i.message}` }))));
  }

  async validate() {
    if (!this.file) return;
    const res = await api('/v1/rules/validate', { method: 'POST', body: { name: this.file.name, content: this.editor.value } });
    this.showIssues(res.issues ?? [], t('valid', { n: res.ruleCount ?? '' }));
  }

  async save() {
    if (!this.file) return;
    try {
      const res = await api(`/v1/rules/${encodeURIComponent(this.file.name)}`, { method: 'PUT', body: { content: this.editor.value }, headers: { 'If-Match': this.file.etag } });
      this.file.etag = res.etag;
      this.showIssues([], t('saved', { version: res.rulesetVersion }));
      toast(`${this.file.name} saved`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) this.showIssues([{ message: t('staleFile') }]);
      else if (err instanceof ApiError) this.showIssues(err.details.length ? err.details : [{ message: err.message }]);
      else throw err;
    }
  }

  tryBox() {
    const text = el('textarea', { id: 'try-text', class: 'try', placeholder: t('tryPh'), 'aria-label': 'comment to try' });
    const site = el('select', { id: 'try-site' }, el('option', { value: '', text: t('noPolicy') }), this.siteIds.map((s) => el('option', { value: s, text: s })));
    const out = el('div', { id: 'try-result' });
    const run = async () => {
      if (!text.value.trim()) return;
      try {
        const d = await api('/v1/moderate', { method: 'POST', body: { text: text.value, ...(site.value ? { siteId: site.value } : {}) } });
        replace(out, el('p', {}, el('span', { class: `badge status-${d.status}`, dataset: { status: d.status }, text: statusLabel(d.status) }), el('span', { class: 'muted', text: ` ${t('action', { action: d.action })} · ${d.rulesetVersion}` })), highlighted(text.value, d.reasons), reasonList(d.reasons), d.maskedText !== text.value ? el('p', { class: 'muted', text: `${t('published')}: ${d.maskedText}` }) : null);
      } catch (err) {
        replace(out, el('p', { class: 'error', text: err.message }));
      }
    };
    return el('section', { class: 'card try-box' }, el('h2', { text: t('tryTitle') }), text, el('div', { class: 'actions' }, site, el('button', { type: 'button', id: 'try-run', onclick: run }, t('moderate'))), out);
  }
}

export const rulesRoot = () => document.getElementById('rules-view');

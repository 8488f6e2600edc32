/* global document */
import { api, ApiError } from './api.mjs';
import { el, highlighted, reasonList, replace, toast } from './dom.mjs';

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
    this.fileTitle = el('h2', { text: 'Pick a file' });
    replace(
      this.root,
      el(
        'section',
        { class: 'card rule-files' },
        el('h2', { text: 'Rule files' }),
        el('p', { class: 'muted', text: `Serving ${listing.rulesetVersion} · ${listing.ruleCount} rules · ${listing.termCount} terms` }),
        el('ul', { class: 'files' }, listing.files.map((f) => el('li', {}, el('button', { type: 'button', class: 'link', dataset: { name: f.name }, onclick: () => this.open(f.name) }, f.name), el('span', { class: 'muted', text: ` ${f.categories.join(', ')} · ${f.ruleCount} rules${f.loaded ? '' : ' · not loaded'}` })))),
      ),
      el(
        'section',
        { class: 'card rule-edit' },
        this.fileTitle,
        this.editor,
        el('div', { class: 'actions' }, el('button', { type: 'button', onclick: () => this.validate() }, 'Validate'), el('button', { type: 'button', class: 'approve', onclick: () => this.save() }, 'Save')),
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
    this.showIssues(res.issues ?? [], `Valid: ${res.ruleCount ?? ''} rules.`);
  }

  async save() {
    if (!this.file) return;
    try {
      const res = await api(`/v1/rules/${encodeURIComponent(this.file.name)}`, { method: 'PUT', body: { content: this.editor.value }, headers: { 'If-Match': this.file.etag } });
      this.file.etag = res.etag;
      this.showIssues([], `Saved; serving ${res.rulesetVersion}.`);
      toast(`${this.file.name} saved`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) this.showIssues([{ message: 'Someone changed this file since you opened it. Reload it and apply your edit again.' }]);
      else if (err instanceof ApiError) this.showIssues(err.details.length ? err.details : [{ message: err.message }]);
      else throw err;
    }
  }

  tryBox() {
    const text = el('textarea', { id: 'try-text', class: 'try', placeholder: 'Type a comment to test against the serving rules', 'aria-label': 'comment to try' });
    const site = el('select', { id: 'try-site' }, el('option', { value: '', text: 'no site policy' }), this.siteIds.map((s) => el('option', { value: s, text: s })));
    const out = el('div', { id: 'try-result' });
    const run = async () => {
      if (!text.value.trim()) return;
      try {
        const d = await api('/v1/moderate', { method: 'POST', body: { text: text.value, ...(site.value ? { siteId: site.value } : {}) } });
        replace(out, el('p', {}, el('span', { class: `badge status-${d.status}`, text: d.status }), el('span', { class: 'muted', text: ` action ${d.action} · ${d.rulesetVersion}` })), highlighted(text.value, d.reasons), reasonList(d.reasons), d.maskedText !== text.value ? el('p', { class: 'muted', text: `Published as: ${d.maskedText}` }) : null);
      } catch (err) {
        replace(out, el('p', { class: 'error', text: err.message }));
      }
    };
    return el('section', { class: 'card try-box' }, el('h2', { text: 'Try a comment' }), text, el('div', { class: 'actions' }, site, el('button', { type: 'button', onclick: run }, 'Moderate')), out);
  }
}

export const rulesRoot = () => document.getElementById('rules-view');

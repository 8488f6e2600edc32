/* global document, setTimeout, clearTimeout */
import { t } from './i18n.mjs';
/**
 * Tiny DOM helpers. Everything that comes from a reader or the API is set
 * with textContent — never innerHTML — so a comment is always shown as text.
 */

/** Creates an element with a class, attributes and children (strings become text nodes). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Replaces all children of `node`. */
export function replace(node, ...children) {
  node.replaceChildren(...children.flat().filter(Boolean));
}

/** Merges overlapping spans, sorted by start. */
export function mergeSpans(spans) {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      last.labels.add(s.label);
    } else out.push({ start: s.start, end: s.end, labels: new Set([s.label]) });
  }
  return out;
}

/** The text with the matched spans of every reason wrapped in <mark>, built from text nodes only. */
export function highlighted(text, reasons) {
  const spans = (reasons ?? []).flatMap((r) => (r.spans ?? []).map((s) => ({ start: s.start, end: s.end, label: r.category })));
  const node = el('p', { class: 'comment-text' });
  let at = 0;
  for (const s of mergeSpans(spans)) {
    if (s.start > at) node.append(document.createTextNode(text.slice(at, s.start)));
    node.append(el('mark', { class: 'hit', title: [...s.labels].join(', '), text: text.slice(s.start, s.end) }));
    at = s.end;
  }
  if (at < text.length) node.append(document.createTextNode(text.slice(at)));
  return node;
}

/** The reasons as a list: action, category, message, the law in force, rule id. */
export function reasonList(reasons, { reported = false } = {}) {
  if (!reasons || reasons.length === 0) return el('p', { class: 'muted no-rule', text: t(reported ? 'noRuleReported' : 'noRule') });
  return el(
    'ul',
    { class: 'reasons' },
    reasons.map((r) =>
      el(
        'li',
        {},
        el('span', { class: `badge action-${r.action}`, text: r.action }),
        el('strong', { text: r.category }),
        ' ',
        el('span', { class: 'message', text: r.message }),
        el('div', { class: 'legal', text: r.legalBasis }),
        el('div', { class: 'rule-id muted', text: t('rule', { id: r.ruleId }) }),
      ),
    ),
  );
}

/** Shows a message for a few seconds. */
export function toast(message) {
  const node = document.getElementById('toast');
  node.textContent = message;
  node.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (node.hidden = true), 4000);
}

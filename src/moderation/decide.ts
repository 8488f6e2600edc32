import type { FiredRule } from './evaluate-rule';
import { legalBasisAt } from './legal-basis';
import type { Action, CommentStatus, Decision, ModerationContext, Reason, SitePolicy, Span } from './types';

/** Actions from weakest to strongest. */
export const ACTION_ORDER: readonly Action[] = ['flag', 'mask', 'review', 'reject'];

/** Strength of an action: flag 0 … reject 3. */
export function actionRank(action: Action): number {
  return ACTION_ORDER.indexOf(action);
}

/** Maps an action to the comment status it leads to. */
export function statusFor(action: Action | 'approve'): CommentStatus {
  if (action === 'reject') return 'rejected';
  if (action === 'review') return 'pending';
  return 'approved';
}

/** Applies a site policy to one category's action; `approve` silences the reason. */
export function applyPolicy(category: string, action: Action, policy: SitePolicy | undefined): Action | 'approve' {
  if (policy === undefined) return action;
  const explicit = policy.categoryActions?.[category] ?? policy.categoryActions?.[category.split('.')[0] ?? ''];
  if (explicit !== undefined) return explicit;
  const rank = actionRank(action);
  if (policy.strictness === 'strict') return ACTION_ORDER[Math.min(rank + 1, 3)] as Action;
  if (policy.strictness === 'lenient') return ACTION_ORDER[Math.max(rank - 1, 0)] as Action;
  return action;
}

function mergeSpans(original: string, fired: FiredRule): Span[] {
  const sorted = fired.hits.map((h) => [h.start, h.end] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged.map(([start, end]) => ({ start, end, text: original.slice(start, end) }));
}

/** Replaces every masked span with one `*` per code point. */
export function maskText(original: string, spans: Span[]): string {
  if (spans.length === 0) return original;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.end <= at) continue;
    const from = Math.max(at, s.start);
    out += original.slice(at, from) + '*'.repeat([...original.slice(from, s.end)].length);
    at = s.end;
  }
  return out + original.slice(at);
}

function escalateByCompanions(fired: FiredRule[]): void {
  for (const f of fired) {
    const withAny = f.rule.escalate?.withAny;
    if (withAny === undefined || f.rule.escalate === undefined) continue;
    const present = fired.some((o) => o !== f && (withAny.includes(o.rule.id) || withAny.includes(o.rule.category)));
    if (present && actionRank(f.rule.escalate.action) > actionRank(f.action)) f.action = f.rule.escalate.action;
  }
}

/** Turns fired rules into the decision: policy, strongest action, reasons, masked text. */
export function buildDecision(original: string, fired: FiredRule[], version: string, ctx: ModerationContext | undefined): Decision {
  escalateByCompanions(fired);
  const lang = ctx?.messageLanguage ?? 'id';
  const reasons: Reason[] = [];
  for (const f of fired) {
    const action = applyPolicy(f.rule.category, f.action, ctx?.policy);
    if (action === 'approve') continue;
    reasons.push({
      ruleId: f.rule.id,
      category: f.rule.category,
      legalBasis: legalBasisAt(f.rule.legalBases, ctx?.at),
      action,
      message: f.rule.messages[lang],
      severity: f.rule.severity,
      spans: mergeSpans(original, f),
    });
  }
  reasons.sort((a, b) => actionRank(b.action) - actionRank(a.action) || b.severity - a.severity || a.ruleId.localeCompare(b.ruleId));
  const top = reasons[0]?.action ?? 'approve';
  const masked = reasons.filter((r) => r.action !== 'flag').flatMap((r) => r.spans);
  return { status: statusFor(top), action: top, reasons, maskedText: maskText(original, masked), rulesetVersion: version };
}

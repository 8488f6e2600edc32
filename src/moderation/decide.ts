import type { Action, CommentStatus, SitePolicy, Span } from './types';

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

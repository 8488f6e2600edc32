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

/** Code points in `text[from, to)` (a surrogate pair is one, a lone surrogate one), without making the slice. */
function codePoints(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
    n++;
  }
  return n;
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
    out += original.slice(at, from) + '*'.repeat(codePoints(original, from, s.end));
    at = s.end;
  }
  return out + original.slice(at);
}

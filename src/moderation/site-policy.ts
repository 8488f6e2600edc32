import { actionRank, applyPolicy, maskText, statusFor } from './decide';
import type { Action, CommentStatus, Reason, SitePolicy, Span } from './types';

/**
 * How far a site's policy may change a reason:
 * - `rule`: a rule file's reason — `categoryActions` (category, then family), else `strictness`
 *   moves it one step (the engine's own rule since the first release);
 * - `category`: a reason the service adds from what it knows beyond the text (a repeat
 *   offender, a repeated text) — only an explicit `categoryActions` entry changes it:
 *   strictness tunes how sensitive the rule files are, not the site's own thresholds;
 * - `fixed`: never changed (a moderator's ban: a site setting must not undo a person's decision).
 */
export type PolicyScope = 'rule' | 'category' | 'fixed';

/** A reason before the site policy, with how far the policy may change it. */
export interface PolicedReason {
  reason: Reason;
  scope: PolicyScope;
}

/** The outcome once the policy has had its say. */
export interface PolicedOutcome {
  status: CommentStatus;
  action: Action | 'approve';
  /** Strongest first (action, then severity, then rule id); reasons the policy silenced are gone. */
  reasons: Reason[];
  /** The text with the spans of every `mask`-or-stronger reason masked. */
  maskedText: string;
}

function policedAction({ reason, scope }: PolicedReason, policy: SitePolicy | undefined): Action | 'approve' {
  if (scope === 'fixed') return reason.action;
  if (scope === 'rule') return applyPolicy(reason.category, reason.action, policy);
  return applyPolicy(reason.category, reason.action, { categoryActions: policy?.categoryActions });
}

/**
 * Applies a site policy to a list of reasons and settles the outcome: each reason's action as
 * the policy has it (`approve` drops the reason), sorted strongest first, the status of the
 * strongest, the masked text. Pure. The engine settles its own decision with it, and intake
 * settles the engine's reasons together with the ones it adds, so that every reason follows
 * the same policy.
 *
 * @example
 * applySitePolicy('njir', [{ reason, scope: 'rule' }], { categoryActions: { kasar: 'approve' } }).status // 'approved'
 */
export function applySitePolicy(original: string, reasons: readonly PolicedReason[], policy: SitePolicy | undefined): PolicedOutcome {
  const kept: Reason[] = [];
  for (const policed of reasons) {
    const action = policedAction(policed, policy);
    if (action !== 'approve') kept.push(action === policed.reason.action ? policed.reason : { ...policed.reason, action });
  }
  kept.sort((a, b) => actionRank(b.action) - actionRank(a.action) || b.severity - a.severity || a.ruleId.localeCompare(b.ruleId));
  const top = kept[0]?.action ?? 'approve';
  // a plain loop: filter + flatMap cost 2-3% of the engine's time on real comments
  const masked: Span[] = [];
  for (const r of kept) if (r.action !== 'flag') for (const span of r.spans) masked.push(span);
  return { status: statusFor(top), action: top, reasons: kept, maskedText: maskText(original, masked) };
}

import type { Action, Decision, Reason } from '../moderation/types';
import type { Store } from '../store/connect';
import type { AuthorDoc, SiteDoc } from '../store/models';
import { applyStanding } from './standing-gate';
import { authorKey, offenderPolicyOf, summarizeStanding } from './standing';

/** The stored standing of an author on a site: the ONE `_id` lookup intake makes for it. */
export async function readAuthor(store: Pick<Store, 'findByIdBatched'>, siteId: string, authorId: string): Promise<AuthorDoc | null> {
  return (await store.findByIdBatched('authors', authorKey(siteId, authorId))) as AuthorDoc | null;
}

/** The engine's verdict after the author's standing had its say. */
export interface GatedDecision {
  status: 'approved' | 'pending' | 'rejected';
  action: Action | 'approve';
  reasons: Reason[];
}

/**
 * Applies the author's standing to the engine's decision: a banned author's
 * comment is rejected ("author banned", first reason), a repeat offender's
 * comment that would be published is held with a reason saying why.
 */
export function gateByStanding(site: SiteDoc, author: AuthorDoc | null, decision: Decision, status: GatedDecision['status'], now: Date): GatedDecision {
  const policy = offenderPolicyOf(site);
  const standing = summarizeStanding(site._id, author?.authorId ?? '', author, policy, now);
  const gate = applyStanding(standing, policy, status);
  if (!gate) return { status, action: decision.action, reasons: decision.reasons };
  return { status: gate.status, action: gate.reason.action, reasons: [gate.reason, ...decision.reasons] };
}

import type { Principal } from '../auth/principal';
import { earlierDue } from '../deadlines/due-at';
import { QUEUE_FIELDS_CLEARED } from '../deadlines/settle-decision';
import { AppError } from '../errors';
import { withCommentClaim } from '../store/claims';
import { withEffects } from '../effects/build-effects';
import type { Store } from '../store/connect';
import type { PendingEffect } from '../store/effects';
import type { CommentDoc } from '../store/models';
import type { SubmitCommentInput } from './schema';
import { updateCommentAtRevision } from '../store/comment-writes';

/** What intake computed for the new text: the outcome and its deadline fields. */
export interface Remoderated {
  input: SubmitCommentInput;
  status: CommentDoc['status'];
  decision: Record<string, unknown>;
  maskedText: string;
  deadline: { queuedAt?: Date; dueAt?: Date; urgent?: boolean };
  now: Date;
}

/** The comment after the edit, and what it was before (for the event and the standing). */
export interface EditResult {
  before: CommentDoc;
  after: CommentDoc;
  /** False when the stored text already was the new one (a concurrent retry of the same edit). */
  changed: boolean;
  /** The side effects written with the edit (to carry out now; they are in the comment too). */
  effects: PendingEffect[];
}

/** The side effects an edit implies (its event, its webhook), from the comment before and after. */
export type EditEffects = (before: CommentDoc, after: CommentDoc) => PendingEffect[];

/**
 * Where the edited comment sits in the queues. A comment in the reported queue
 * stays there (its readers' reports still want an answer); a held one keeps the
 * earlier of its deadlines. A comment withdrawn (reports, a take-down order) stays
 * off the site whatever the engine says of the new text, until a person decides.
 */
function placeEdit(fresh: CommentDoc, next: Remoderated): { status: CommentDoc['status']; set: Record<string, unknown>; unset: Record<string, ''> } {
  const withdrawn = !!fresh.withdrawnAt && fresh.status === 'pending';
  const status = withdrawn && next.status === 'approved' ? 'pending' : next.status;
  if (fresh.reported || withdrawn) {
    const dueAt = next.deadline.dueAt ? earlierDue(fresh.dueAt, next.deadline.dueAt) : fresh.dueAt;
    return { status, set: dueAt ? { dueAt } : {}, unset: {} };
  }
  if (status === 'pending' && next.deadline.dueAt) {
    return { status, set: { queuedAt: fresh.queuedAt ?? next.deadline.queuedAt, dueAt: earlierDue(fresh.dueAt, next.deadline.dueAt), urgent: !!fresh.urgent || !!next.deadline.urgent }, unset: {} };
  }
  return { status, set: {}, unset: { ...QUEUE_FIELDS_CLEARED } };
}

function definedFields(input: SubmitCommentInput): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && k !== 'externalId'));
}

/**
 * The same (site, externalId) with another text is an edit: the new text is
 * moderated again (by the caller, as at intake) and replaces the stored one at
 * `revision + 1` under the comment's claim, with the side effects `effectsOf`
 * says (written in the same update); the old text stays in the audit trail
 * (`comment.edit`, before/after).
 */
export async function editComment(deps: { store: Store }, principal: Principal, id: string, next: Remoderated, effectsOf: EditEffects = () => []): Promise<EditResult> {
  const result = await withCommentClaim(deps.store, id, `edit:${principal.id}`, async (fresh): Promise<EditResult> => {
    if (fresh.text === next.input.text) return { before: fresh, after: fresh, changed: false, effects: [] };
    const { status, set, unset } = placeEdit(fresh, next);
    const revision = fresh.revision + 1;
    const changes = { ...definedFields(next.input), ...set, status, autoDecision: next.decision, decision: next.decision, maskedText: next.maskedText, updatedAt: next.now, revision };
    for (const k of Object.keys(set)) delete unset[k];
    const after = { ...fresh, ...changes } as CommentDoc;
    for (const k of Object.keys(unset)) delete (after as unknown as Record<string, unknown>)[k];
    const effects = effectsOf(fresh, after);
    const $set = { ...changes, ...withEffects(fresh, effects, next.now) };
    const update = Object.keys(unset).length > 0 ? { $set, $unset: unset } : { $set };
    if (!(await updateCommentAtRevision(deps.store.models, fresh, update))) throw new AppError('conflict', 'The comment changed while it was being edited; send the edit again.');
    await deps.store.models.Audit.create({
      actor: principal.id,
      action: 'comment.edit',
      target: `comment:${fresh._id}`,
      siteId: fresh.siteId,
      before: { text: fresh.text, status: fresh.status, revision: fresh.revision, decision: fresh.decision },
      after: { text: next.input.text, status, revision, decision: next.decision },
      at: next.now,
    });
    return { before: fresh, after, changed: true, effects };
  });
  if (!result) throw new AppError('conflict', 'The comment is being changed right now; send the edit again.');
  return result.value;
}

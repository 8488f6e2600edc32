import type { Principal } from '../auth/principal';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import type { SiteDirectory } from '../sites/site-directory';
import { isDuplicateKey } from '../store/errors';
import type { CommentDoc } from '../store/models';
import { readAuthorAtIntake } from '../standing/intake-standing';
import type { RecentTexts } from '../standing/recent-texts';
import { recordOutcome } from '../standing/record-outcome';
import { decideIntake } from './intake/phases';
import { commentIdFor } from './comment-id';
import { editComment } from './edit-comment';
import { toCommentView } from './serialize';
import type { SubmitCommentInput } from './schema';

export type SubmitDeps = Pick<AppDeps, 'store' | 'rules' | 'events' | 'metrics' | 'now' | 'logger'> & { sites: SiteDirectory; recentTexts: RecentTexts };

export interface SubmitResult {
  created: boolean;
  /** True when the text differs from the stored one: an edit, moderated again. */
  edited: boolean;
  comment: CommentDoc;
}

/** The one site a site token speaks for. */
export function siteOf(principal: Principal): string {
  const siteId = principal.siteIds[0];
  if (principal.role !== 'site' || !siteId) throw new AppError('forbidden', 'Only a site token can submit comments.');
  return siteId;
}

/**
 * Submits a reader comment: moderate it, store comment and decision, publish
 * `comment.created`. Idempotent on (site, externalId): a retry with the same
 * text gets the stored document back with `created: false`, never a duplicate;
 * the same pair with another text is an edit, moderated again (`edited: true`,
 * a new revision, `comment.edited`).
 */
export async function submitComment(deps: SubmitDeps, principal: Principal, input: SubmitCommentInput): Promise<SubmitResult> {
  const siteId = siteOf(principal);
  const now = deps.now();
  const [site, standing] = await Promise.all([deps.sites.get(siteId), readAuthorAtIntake(deps, { siteId, authorId: input.author.id, text: input.text, now })]);
  if (!site) throw new AppError('forbidden', `Site ${siteId} no longer exists.`);
  const { Comment } = deps.store.models;
  const _id = commentIdFor(siteId, input.externalId);

  // the phases (engine, pre-moderation, ban, repeat offender, repeated text), then the site policy over all reasons
  const decision = decideIntake({ ruleset: deps.rules.current(), site, author: standing, text: input.text, language: input.language, now });
  const { status, action, reasons } = decision;
  const author = standing.doc;
  const { key: standingKey, fingerprint: textHash } = standing;
  const auto = { action, reasons, rulesetVersion: decision.rulesetVersion, decidedBy: 'saring', decidedAt: now };
  const doc = {
    _id,
    siteId,
    ...input,
    status,
    autoDecision: auto,
    decision: auto,
    maskedText: decision.maskedText,
    ...decision.deadline,
    createdAt: now,
    updatedAt: now,
    revision: 0,
  };
  try {
    await deps.store.insertBatched('comments', doc);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const stored = (await Comment.findById(_id).lean()) as CommentDoc | null;
    if (!stored) throw err;
    if (stored.text === input.text) return { created: false, edited: false, comment: stored };
    const remoderated = { input, status, decision: auto, maskedText: decision.maskedText, deadline: decision.deadline, now };
    const edit = await editComment(deps, principal, _id, remoderated);
    if (!edit.changed) return { created: false, edited: false, comment: edit.after };
    deps.metrics.decisions.inc({ status: edit.after.status, category: reasons[0]?.category ?? 'none' });
    deps.recentTexts.add(standingKey, _id, textHash, now);
    await recordOutcome(deps.store, { siteId, authorId: input.author.id, commentId: _id, status: edit.after.status, at: now, textHash }, { now: deps.now, tries: 20 }).catch((e: unknown) =>
      deps.logger.warn({ err: e, commentId: _id }, 'could not record the author standing'),
    );
    await deps.events
      .publish('comment.edited', { ...toCommentView(edit.after), previousStatus: edit.before.status, previousRevision: edit.before.revision }, siteId)
      .catch((e: unknown) => deps.logger.warn({ err: e, commentId: _id }, 'could not publish comment.edited'));
    return { created: false, edited: true, comment: edit.after };
  }
  deps.metrics.decisions.inc({ status, category: reasons[0]?.category ?? 'none' });
  deps.recentTexts.add(standingKey, _id, textHash, now);
  // Clean authors with no stored standing stay out of the store: intake is one
  // write for them. A held or rejected outcome (or any outcome of an author
  // already on record) goes into the standing; the approved count is read from
  // the comments themselves when a standing is shown.
  if (author || status !== 'approved') {
    await recordOutcome(deps.store, { siteId, authorId: input.author.id, commentId: _id, status, at: now, textHash }, { now: deps.now, tries: 20 }).catch((err: unknown) =>
      deps.logger.warn({ err, commentId: _id }, 'could not record the author standing'),
    );
  }
  await deps.events
    .publish('comment.created', toCommentView(doc as unknown as CommentDoc), siteId)
    .catch((err: unknown) => deps.logger.warn({ err, commentId: _id }, 'could not publish comment.created'));
  return { created: true, edited: false, comment: doc as unknown as CommentDoc };
}

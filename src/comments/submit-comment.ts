import type { Principal } from '../auth/principal';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import type { SiteDirectory } from '../sites/site-directory';
import { isDuplicateKey } from '../store/errors';
import { insertComment } from '../store/hot-path';
import type { CommentDoc } from '../store/models';
import { readAuthorAtIntake } from '../standing/intake-standing';
import type { RecentTexts } from '../standing/recent-texts';
import { recordOutcome } from '../standing/record-outcome';
import { decideIntake } from './intake/phases';
import { eventEffect, isFinalStatus, webhookEffect } from '../effects/build-effects';
import { carryOutNow } from '../effects/carry-out';
import type { PendingEffect } from '../store/effects';
import { commentIdFor } from './comment-id';
import { editComment } from './edit-comment';
import { toCommentView } from './serialize';
import type { SubmitCommentInput } from './schema';

export type SubmitDeps = Pick<AppDeps, 'store' | 'rules' | 'events' | 'metrics' | 'now' | 'logger'> & { sites: SiteDirectory; recentTexts: RecentTexts };

/** Effects pending in a stored comment (written with it; see src/effects/). */
function pendingEffectsOf(doc: CommentDoc): PendingEffect[] {
  return ((doc as { effects?: PendingEffect[] }).effects ?? []).slice();
}

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
 * Submits a reader comment: moderate it, store comment and decision — with,
 * in the same insert, its side effects (the `comment.created` event, and the
 * webhook when the status is final) — then carry those out at once. Idempotent
 * on (site, externalId): a retry with the same text gets the stored document
 * back with `created: false`, never a duplicate, and carries out whatever
 * effects the first attempt left pending (once: their ids are fixed); the same
 * pair with another text is an edit, moderated again (`edited: true`, a new
 * revision, `comment.edited`).
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
  const origin = { hostId: _id, revision: 0, at: now };
  const effects = [eventEffect(origin, 'comment.created', toCommentView(doc as unknown as CommentDoc), siteId), ...(isFinalStatus(status) ? webhookEffect(origin, site) : [])];
  try {
    await insertComment(deps.store, { ...doc, effects, effectsAt: now });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const stored = (await Comment.findById(_id).lean()) as CommentDoc | null;
    if (!stored) throw err;
    if (stored.text === input.text) {
      // the first attempt's instance may have died before its effects went out: store-first, so never a second copy
      const left = pendingEffectsOf(stored);
      if (left.length) void carryOutNow(deps, { collection: 'comments', id: _id, revision: stored.revision }, left, 'store-first');
      return { created: false, edited: false, comment: stored };
    }
    const remoderated = { input, status, decision: auto, maskedText: decision.maskedText, deadline: decision.deadline, now };
    const edit = await editComment(deps, principal, _id, remoderated, (before, after) => {
      const at = { hostId: _id, revision: after.revision, at: now };
      return [
        eventEffect(at, 'comment.edited', { ...toCommentView(after), previousStatus: before.status, previousRevision: before.revision }, siteId),
        ...(isFinalStatus(after.status) ? webhookEffect(at, site) : []),
      ];
    });
    if (!edit.changed) return { created: false, edited: false, comment: edit.after };
    void carryOutNow(deps, { collection: 'comments', id: _id, revision: edit.after.revision }, edit.effects);
    deps.metrics.decisions.inc({ status: edit.after.status, category: reasons[0]?.category ?? 'none' });
    deps.recentTexts.add(standingKey, _id, textHash, now);
    await recordOutcome(deps.store, { siteId, authorId: input.author.id, commentId: _id, status: edit.after.status, at: now, textHash }, { now: deps.now, tries: 20 }).catch((e: unknown) =>
      deps.logger.warn({ err: e, commentId: _id }, 'could not record the author standing'),
    );
    return { created: false, edited: true, comment: edit.after };
  }
  // the effects are in the stored comment: the answer need not wait for them
  void carryOutNow(deps, { collection: 'comments', id: _id, revision: 0 }, effects);
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
  return { created: true, edited: false, comment: doc as unknown as CommentDoc };
}

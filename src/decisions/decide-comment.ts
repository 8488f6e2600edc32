import { setTimeout as sleep } from 'node:timers/promises';
import { canAccessSite, type Principal } from '../auth/principal';
import { toCommentView } from '../comments/serialize';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { QUEUE_FIELDS_CLEARED, settleDecision, withoutQueueFields } from '../deadlines/settle-decision';
import { eventEffect, webhookEffect, withEffects } from '../effects/build-effects';
import { carryOutNow } from '../effects/carry-out';
import type { PendingEffect } from '../store/effects';
import type { CommentDoc } from '../store/models';
import { resolveReports } from '../reports/resolve-reports';
import type { SiteDirectory } from '../sites/site-directory';
import { claimHolder, claimKeys, claimLock, claimOwners, releaseLock } from '../store/claims';
import type { DecisionInput } from './schema';
import { updateCommentAtRevision } from '../store/comment-writes';

export type DecideDeps = Pick<AppDeps, 'store' | 'events' | 'now' | 'logger'> & { sites: SiteDirectory };

export interface DecideResult {
  comment: CommentDoc;
  /** False when the same moderator repeated the same decision (an idempotent retry). */
  changed: boolean;
}

const AUTO = 'saring';

/** How long a decision waits for a claim held by another moderator's decision before it says so with 409. */
const BRIEF_CLAIM_WAIT_MS = 400;
/**
 * How long a decision waits for a claim held by a background writer (the marking of
 * effects, a report, the overdue sweep): each holds it for a moment, but on a loaded
 * 2-core machine the marking of a new comment's effects held it past 400 ms, and a
 * moderator deciding at once was told another moderator was deciding (CI, 2026-12-02).
 */
const BACKGROUND_CLAIM_WAIT_MS = 5_000;
/**
 * How long a forced decision waits its turn behind concurrent ones before it gives up
 * with 409. Each decision ahead of it holds the revision's claim for its write, and the
 * marking of its effects holds the next one for a moment: ten moderators forcing at
 * once on a loaded 2-core machine took over 3 s (CI, 2026-12-02).
 */
const FORCED_WAIT_MS = 10_000;

async function readComment(deps: DecideDeps, principal: Principal, id: string): Promise<CommentDoc> {
  const doc = (await deps.store.models.Comment.findById(id).lean()) as CommentDoc | null;
  if (!doc || !canAccessSite(principal, doc.siteId)) throw new AppError('not_found', `No comment ${id}.`);
  return doc;
}

function conflict(doc: CommentDoc, message: string): AppError {
  const d = doc.decision;
  return new AppError('conflict', message, [{ path: 'revision', message: 'current state', revision: doc.revision, status: doc.status, decidedBy: d?.decidedBy, decidedAt: d?.decidedAt }]);
}

/**
 * Refuses a decision that would silently overwrite another one: a stale
 * `expectedRevision`, or a human decision the caller did not acknowledge
 * (by sending its revision or `force`). Automatic decisions may be overridden,
 * and so may a withdrawal (a take-down order's `pending`): nothing final is lost.
 */
function assertDecidable(doc: CommentDoc, principal: Principal, input: DecisionInput): 'same' | 'go' {
  if (input.force) return 'go';
  if (input.expectedRevision !== undefined) {
    if (doc.revision !== input.expectedRevision) throw conflict(doc, `The comment changed (revision ${doc.revision}, you saw ${input.expectedRevision}); reload it, or send force.`);
    return 'go';
  }
  const by = doc.decision?.decidedBy;
  if (!by || by === AUTO || doc.status === 'pending') return 'go';
  if (by === principal.id && doc.status === input.status) return 'same';
  throw conflict(doc, `Already ${doc.status} by ${by}; send its revision or force to override.`);
}

/**
 * A moderator approves or rejects a comment (held, or decided automatically):
 * claim the comment's current revision, write the decision with
 * `revision + 1` and, in the same update, its side effects (`comment.decided`
 * and the webhook), audit it, carry the effects out. Two moderators racing
 * on one revision: exactly one claim succeeds, the other gets 409 unless it
 * forces (then it decides on top of the winner's revision).
 */
export async function decideComment(deps: DecideDeps, principal: Principal, id: string, input: DecisionInput): Promise<DecideResult> {
  // a forced decision waits its turn behind concurrent ones, for a bounded time
  const started = Date.now();
  const deadline = started + FORCED_WAIT_MS;
  while (Date.now() < deadline) {
    const before = await readComment(deps, principal, id);
    if (assertDecidable(before, principal, input) === 'same') return { comment: before, changed: false };
    const key = claimKeys.commentRevision(id, before.revision);
    if (!(await claimLock(deps.store.conn, key, { owner: claimOwners.decision(principal.id), staleMs: 10_000 }))) {
      // another moderator's decision: a moment's grace, then 409; a background writer's claim is waited for
      if (!input.force) await refuseWhileHeld(deps, before, key, Date.now() - started);
      await sleep(5 + Math.random() * 25);
      continue;
    }
    let written: { fresh: CommentDoc; after: CommentDoc; effects: PendingEffect[] } | undefined;
    try {
      written = await writeDecision(deps, principal, before, input);
    } finally {
      await releaseLock(deps.store.conn, key);
    }
    if (written) {
      await carryOutNow(deps, { collection: 'comments', id, revision: written.after.revision }, written.effects);
      // outside the claim: the resolution record and the author's standing do not hold up other deciders
      const decidedAt = new Date(written.after.decision?.decidedAt ?? deps.now());
      await settleDecision(deps, written.fresh, written.after, decidedAt);
      // the readers who reported it get their answer (Pasal 10): upheld when taken down, rejected when it stays
      await resolveReports(deps, principal, written.after, decidedAt).catch((err: unknown) => deps.logger.warn({ err, commentId: id }, 'could not resolve the reports'));
      return { comment: written.after, changed: true };
    }
    if (!input.force) throw conflict(await readComment(deps, principal, id), 'The comment changed while deciding; reload it, or send force.');
  }
  throw new AppError('conflict', 'The comment keeps changing; try again.');
}

/**
 * Throws the 409 of an unforced decision that has waited long enough for the claim
 * `key`: a moment when another moderator's decision holds it, longer when a
 * background writer does. Returns when the decision should try again.
 */
async function refuseWhileHeld(deps: DecideDeps, before: CommentDoc, key: string, waitedMs: number): Promise<void> {
  if (waitedMs < BRIEF_CLAIM_WAIT_MS) return;
  const holder = await claimHolder(deps.store.conn, key);
  if (holder === undefined) return;
  if (claimOwners.isDecision(holder)) throw conflict(before, 'Another moderator is deciding this comment right now; reload it, or send force.');
  if (waitedMs >= BACKGROUND_CLAIM_WAIT_MS) throw conflict(before, 'The comment is busy (another change to it is being written); try again in a moment, or send force.');
}

/** Writes the decision if the comment is still at the claimed revision; undefined when it moved. */
async function writeDecision(deps: DecideDeps, principal: Principal, before: CommentDoc, input: DecisionInput): Promise<{ fresh: CommentDoc; after: CommentDoc; effects: PendingEffect[] } | undefined> {
  const { Comment, Audit } = deps.store.models;
  // the claim is on `before.revision`; a writer that finished just before we claimed has moved it on
  const fresh = (await Comment.findById(before._id).lean()) as CommentDoc | null;
  if (!fresh || fresh.revision !== before.revision) return undefined;
  const now = deps.now();
  const prior = fresh.decision ?? fresh.autoDecision;
  const decision = {
    action: input.status === 'approved' ? 'approve' : 'reject',
    reasons: prior?.reasons ?? [],
    rulesetVersion: prior?.rulesetVersion ?? undefined,
    decidedBy: principal.id,
    decidedAt: now,
    ...(input.note ? { note: input.note } : {}),
  };
  const revision = fresh.revision + 1;
  // a decision takes the comment out of the held/reported queues: its deadline is met
  const after = { ...withoutQueueFields(fresh), status: input.status, decision, updatedAt: now, revision } as CommentDoc;
  const origin = { hostId: fresh._id, revision, at: now };
  const effects = [
    eventEffect(origin, 'comment.decided', { ...toCommentView(after), previousStatus: fresh.status, decidedBy: principal.id, ...(principal.name ? { decidedByName: principal.name } : {}) }, fresh.siteId),
    // every moderator decision is final, and worth a webhook
    ...webhookEffect(origin, await deps.sites.get(fresh.siteId)),
  ];
  const $set = { status: input.status, decision, updatedAt: now, revision, ...withEffects(fresh, effects, now) };
  if (!(await updateCommentAtRevision(deps.store.models, fresh, { $set, $unset: QUEUE_FIELDS_CLEARED }))) return undefined;
  await Audit.create({
    actor: principal.id,
    action: 'comment.decide',
    target: `comment:${fresh._id}`,
    siteId: fresh.siteId,
    before: { status: fresh.status, revision: fresh.revision, decision: fresh.decision },
    after: { status: input.status, revision, decision },
    note: input.note,
    at: now,
  });
  return { fresh, after, effects };
}

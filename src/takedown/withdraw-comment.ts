import type { Principal } from '../auth/principal';
import { earlierDue } from '../deadlines/due-at';
import { AppError } from '../errors';
import { withCommentClaim } from '../store/claims';
import { webhookEffect, withEffects } from '../effects/build-effects';
import { carryOutNow } from '../effects/carry-out';
import type { EventPublisher } from '../events/types';
import { WITHDRAWN_WEBHOOK_EVENT } from '../webhooks/payload';
import type { SiteDirectory } from '../sites/site-directory';
import type { Store } from '../store/connect';
import type { PendingEffect } from '../store/effects';
import type { CommentDoc, TakedownOrderDoc } from '../store/models';
import { takedownReason } from './basis';
import { updateCommentAtRevision } from '../store/comment-writes';

/** One covered comment as the order records it (the evidence of Pasal 20(2)). */
export type OrderComment = TakedownOrderDoc['comments'][number];

/** The comment's entry in the order and whether this call took it off the site. */
export interface Withdrawal {
  entry: OrderComment;
  /** True when this call changed the comment (a webhook tells the site to hide it). */
  changed: boolean;
  /** The effects this call wrote into the comment, at the revision it gave it. */
  effects?: { revision: number; webhook: PendingEffect[] };
}

/** What a withdrawal needs: the store, the clock, the sites (webhook URL) and the event log (its effects). */
export interface WithdrawDeps {
  store: Store;
  now: () => Date;
  sites: SiteDirectory;
  events: Pick<EventPublisher, 'publishOnce'>;
}

function entryOf(fresh: CommentDoc, extra: Partial<OrderComment>): OrderComment {
  return {
    commentId: fresh._id,
    siteId: fresh.siteId,
    externalId: fresh.externalId,
    articleId: fresh.articleId,
    articleUrl: fresh.articleUrl ?? undefined,
    text: fresh.text,
    statusBefore: fresh.status,
    ...extra,
  } as OrderComment;
}

/**
 * Withdraws one comment for an order, under the comment's claim: it becomes
 * `pending` with the take-down reason first (a decision by the caller), is
 * due no later than the order, and leaves the site until a moderator decides.
 * A comment already rejected is only recorded (it is off the site: who
 * removed it and when). Calling it again for the same order changes nothing
 * (a retried intake). Audited as `comment.takedown`. The `comment.withdrawn`
 * webhook (with the order) is written in the same update as the withdrawal,
 * then carried out.
 */
export async function withdrawForOrder(deps: WithdrawDeps, principal: Principal, order: TakedownOrderDoc, commentId: string, known?: OrderComment): Promise<Withdrawal | undefined> {
  const result = await withCommentClaim(deps.store, commentId, `takedown:${order._id}`, async (fresh): Promise<Withdrawal> => {
    const { Audit } = deps.store.models;
    const ids = fresh.takedownOrderIds ?? [];
    const now = deps.now();
    if (ids.includes(order._id)) return { entry: known ?? entryOf(fresh, { withdrawnAt: fresh.withdrawnAt ?? now, withdrawnBy: principal.id }), changed: false };
    if (fresh.status === 'rejected') {
      await updateCommentAtRevision(deps.store.models, fresh, { $set: { takedownOrderIds: [...ids, order._id] } });
      return { entry: entryOf(fresh, { alreadyRemoved: true, withdrawnAt: fresh.decision?.decidedAt ?? fresh.updatedAt, withdrawnBy: fresh.decision?.decidedBy ?? undefined }), changed: false };
    }
    const prior = fresh.decision ?? fresh.autoDecision;
    const decision = {
      action: 'review',
      reasons: [takedownReason(order), ...(prior?.reasons ?? []).filter((r) => r.ruleId !== 'takedown.order')],
      rulesetVersion: prior?.rulesetVersion ?? undefined,
      decidedBy: principal.id,
      decidedAt: now,
      note: `take-down ${order.orderNumber}`,
    };
    const revision = fresh.revision + 1;
    const webhook = webhookEffect({ hostId: fresh._id, revision, at: now }, await deps.sites.get(fresh.siteId), { event: WITHDRAWN_WEBHOOK_EVENT, takedownOrderId: order._id });
    const set = {
      status: 'pending',
      decision,
      // a comment already taken off the site (reports) keeps the time it left
      withdrawnAt: fresh.status === 'pending' && fresh.withdrawnAt ? fresh.withdrawnAt : now,
      queuedAt: fresh.queuedAt ?? now,
      dueAt: earlierDue(fresh.dueAt, new Date(order.dueAt)),
      urgent: !!fresh.urgent || order.urgent,
      takedownOrderIds: [...ids, order._id],
      updatedAt: now,
      revision,
      ...withEffects(fresh, webhook, now),
    };
    if (!(await updateCommentAtRevision(deps.store.models, fresh, { $set: set }))) throw new AppError('conflict', 'A comment of the order changed while it was withdrawn; send the order again.');
    await Audit.create({
      actor: principal.id,
      action: 'comment.takedown',
      target: `comment:${fresh._id}`,
      siteId: fresh.siteId,
      before: { status: fresh.status, revision: fresh.revision, decision: fresh.decision },
      after: { status: 'pending', revision, takedownOrderId: order._id },
      note: order.orderNumber,
      at: now,
    });
    return { entry: entryOf(fresh, { withdrawnAt: now, withdrawnBy: principal.id }), changed: true, effects: { revision, webhook } };
  });
  const value = result?.value;
  if (value?.effects) await carryOutNow(deps, { collection: 'comments', id: commentId, revision: value.effects.revision }, value.effects.webhook);
  return value;
}

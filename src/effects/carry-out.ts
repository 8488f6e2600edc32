import { claimGrouped, claimKeys, releaseLock } from '../store/claims';
import type { EventPublisher, EventType, PublishOrder } from '../events/types';
import type { Store } from '../store/connect';
import { insertDeliveryOnce } from '../store/deliveries';
import { markLater, trackCarryOut } from './done-queue';
import { keepEffects, readEffectHost, type EffectHostCollection, type PendingEffect } from '../store/effects';

/** What carrying out effects needs: the store and the event log. */
export interface EffectDeps {
  store: Store;
  events: Pick<EventPublisher, 'publishOnce'>;
}

/** The document that holds the effects, and the revision they were read at. */
export interface EffectHostRef {
  collection: EffectHostCollection;
  id: string;
  revision: number;
}

/** Publishes or queues one effect, idempotently (its `_id` is fixed): true when this call did it. */
async function carryOutOne(deps: EffectDeps, effect: PendingEffect, order: PublishOrder): Promise<boolean> {
  if (effect.kind === 'event') return deps.events.publishOnce({ id: effect.id, type: effect.type as EventType, data: effect.data as never, siteId: effect.siteId }, order);
  const { id, siteId, commentId, event, url, takedownOrderId, at } = effect;
  return insertDeliveryOnce(deps.store, { _id: id, siteId, commentId, event, url, takedownOrderId, at: new Date(at) });
}

/**
 * The claim every writer of the document holds (src/store/claims.ts: a
 * comment's current revision, as withCommentClaim takes it; a standing's
 * author key, as withClaim in src/standing/update-author.ts takes it).
 */
function claimKey(ref: EffectHostRef): string {
  return ref.collection === 'comments' ? claimKeys.commentRevision(ref.id, ref.revision) : claimKeys.author(ref.id);
}

/**
 * Removes the effects `done` from the document, under its claim, if it is still
 * at the revision they were read at. One try: when the claim is taken (a writer
 * is at work), the effects stay pending and the relay clears them later — doing
 * them again is harmless.
 */
export async function markEffectsDone(store: Store, ref: EffectHostRef, done: ReadonlySet<string>): Promise<boolean> {
  const key = claimKey(ref);
  if (!(await claimGrouped(store, key, { owner: 'effect-relay', staleMs: 10_000 }))) return false;
  try {
    const host = await readEffectHost(store, ref.collection, ref.id);
    if (!host || host.revision !== ref.revision) return false;
    const pending = host.effects ?? [];
    const remaining = pending.filter((e) => !done.has(e.id));
    if (remaining.length === pending.length && host.effectsAt === undefined) return true;
    return await keepEffects(store, ref.collection, host, remaining);
  } finally {
    await releaseLock(store.conn, key);
  }
}

/**
 * Carries out a document's pending effects — events published once, deliveries
 * queued once — then marks them done in the document. Safe to run any number
 * of times, by any number of instances at once: each effect's `_id` is fixed,
 * so the store keeps one event and one delivery. Throws when the store fails
 * (the effects stay pending for the relay).
 */
export async function carryOutEffects(deps: EffectDeps, ref: EffectHostRef, effects: readonly PendingEffect[], order: PublishOrder): Promise<void> {
  if (effects.length === 0) return;
  const done = new Set<string>();
  for (const effect of effects) {
    await carryOutOne(deps, effect, order);
    done.add(effect.id);
  }
  // the writer's fast path does not wait for the marking (bounded, in the background); a relay does
  if (order === 'live-first') markLater(deps.store, () => markEffectsDone(deps.store, ref, done));
  else await markEffectsDone(deps.store, ref, done);
}

/**
 * The writer's fast path, right after the write that stored the fact: the event
 * goes to the live stream at once, then it and the delivery are stored, and the
 * effects are marked done in the background. `store-first` for effects found left
 * over by an earlier attempt (stored before they are streamed, never a second copy).
 * Never throws — what fails stays pending in the document for the relay — and the
 * work is tracked until it settles (the service's stop waits for it).
 */
export function carryOutNow(deps: EffectDeps & { logger?: { warn(obj: object, msg: string): void } }, ref: EffectHostRef, effects: readonly PendingEffect[], order: PublishOrder = 'live-first'): Promise<void> {
  const work = carryOutEffects(deps, ref, effects, order).catch((err: unknown) => deps.logger?.warn({ err, [ref.collection]: ref.id }, 'side effects left to the effect relay'));
  trackCarryOut(deps.store, work);
  return work;
}

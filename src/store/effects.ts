import type { EventType } from '../events/types';
import type { Store } from './connect';

/** An event to publish to `events` (and the live stream), written with the fact it reports. */
export interface EventEffect {
  /** Deterministic: the stored event's `_id`, so it is published once however often it is relayed. */
  id: string;
  kind: 'event';
  type: EventType;
  siteId?: string;
  data: unknown;
  at: Date;
}

/** A webhook to queue in `webhook_deliveries`, written with the fact it reports. */
export interface WebhookEffect {
  /** Deterministic: the delivery's `_id`. */
  id: string;
  kind: 'webhook';
  siteId: string;
  commentId: string;
  /** The delivery's event: `comment.final`, `comment.withdrawn`… */
  event: string;
  url: string;
  takedownOrderId?: string;
  at: Date;
}

/** A side effect still to be carried out (src/effects/). */
export type PendingEffect = EventEffect | WebhookEffect;

/** The collections whose documents carry pending effects. */
export type EffectHostCollection = 'comments' | 'authors';

/** The part of a document the effect relay reads: its pending effects and the revision they were seen at. */
export interface EffectHost {
  _id: string;
  revision: number;
  effects?: PendingEffect[];
  /** When the oldest pending effect was written (indexed; absent when nothing is pending). */
  effectsAt?: Date;
}

const hostFields = { _id: 1, revision: 1, effects: 1, effectsAt: 1 } as const;

function collectionOf(store: Store, name: EffectHostCollection) {
  return name === 'comments' ? store.models.Comment.collection : store.models.Author.collection;
}

/**
 * Documents with effects written at or before `writtenBefore`, oldest first, at most
 * `limit` (the `effectsAt` index on MongoDB; a scan on FerretDB, which is why the relay
 * polls seldom and the writer's fast path clears effects at once).
 */
export async function findEffectHosts(store: Store, name: EffectHostCollection, writtenBefore: Date, limit: number): Promise<EffectHost[]> {
  const docs = await collectionOf(store, name)
    .find({ effectsAt: { $lte: writtenBefore } } as never, { projection: hostFields })
    .sort({ effectsAt: 1 })
    .limit(limit)
    .toArray();
  return docs as unknown as EffectHost[];
}

/** One document's pending effects, read by `_id` (batched with concurrent reads). */
export async function readEffectHost(store: Store, name: EffectHostCollection, id: string): Promise<EffectHost | null> {
  const doc = await store.findByIdBatched(name, id);
  if (!doc) return null;
  return { _id: String(doc._id), revision: Number(doc.revision ?? 0), effects: doc.effects as PendingEffect[] | undefined, effectsAt: doc.effectsAt as Date | undefined };
}

/**
 * Keeps only `remaining` of the document's effects, if it is still at `revision`.
 * The caller holds the document's claim: FerretDB rewrites the whole document on
 * every update, so an unclaimed write could undo a concurrent writer's fields.
 * False when the document moved on (the relay will find it again).
 */
export async function keepEffects(store: Store, name: EffectHostCollection, host: Pick<EffectHost, '_id' | 'revision'>, remaining: PendingEffect[]): Promise<boolean> {
  const update = remaining.length > 0 ? { $set: { effects: remaining } } : { $unset: { effects: '', effectsAt: '' } };
  const res = await collectionOf(store, name).updateOne({ _id: host._id, revision: host.revision } as never, update);
  return res.matchedCount > 0;
}

import type { Store } from './connect';
import { isDuplicateKey } from './errors';
import type { CommentDoc, ReportDoc, SiteDoc, TakedownOrderDoc } from './models';

/** A queued webhook delivery (`webhook_deliveries`). */
export interface Delivery {
  /** Deterministic for effects (comment, revision, kind); older rows have an ObjectId. */
  _id: unknown;
  siteId: string;
  commentId: string;
  reportId?: string;
  takedownOrderId?: string;
  url?: string;
  event?: string;
  attempts: number;
  status: 'pending' | 'delivered' | 'failed';
  lastStatus?: number;
  lastError?: string;
  nextAttemptAt?: Date;
  createdAt?: Date;
  updatedAt?: Date;
}

/** What a new delivery needs; it starts pending, due at `at`. */
export type NewDelivery = Pick<Delivery, 'siteId' | 'commentId' | 'reportId' | 'takedownOrderId' | 'url' | 'event'> & { _id: string; at: Date };

const deliveries = (store: Store) => store.models.WebhookDelivery.collection;

/**
 * Queues a delivery under its `_id`, once: false when it was already queued (a relay ran
 * twice). Group commit: under a burst many deliveries share one insertMany.
 */
export async function insertDeliveryOnce(store: Store, d: NewDelivery): Promise<boolean> {
  const { at, ...fields } = d;
  const row = { ...fields, attempts: 0, status: 'pending', nextAttemptAt: at, createdAt: at, updatedAt: at };
  for (const k of Object.keys(row) as (keyof typeof row)[]) if (row[k] === undefined) delete row[k];
  try {
    await store.insertBatched('webhook_deliveries', row);
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/**
 * Pending deliveries due at `now`, soonest first, at most `limit` — only as many as the
 * worker can start, and none of the sites or deliveries it must skip (sites at their slot
 * limit, attempts in flight). Uses the `status, nextAttemptAt` index on MongoDB.
 */
export async function findDueDeliveries(store: Store, q: { now: Date; limit: number; skipSites: string[]; skipIds: unknown[] }): Promise<Delivery[]> {
  const filter: Record<string, unknown> = { status: 'pending', nextAttemptAt: { $lte: q.now } };
  if (q.skipSites.length) filter.siteId = { $nin: q.skipSites };
  if (q.skipIds.length) filter._id = { $nin: q.skipIds };
  const rows = await deliveries(store)
    .find(filter as never)
    .sort({ nextAttemptAt: 1 })
    .limit(q.limit)
    .toArray();
  return rows as unknown as Delivery[];
}

/** One delivery by `_id`. */
export async function readDelivery(store: Store, id: unknown): Promise<Delivery | null> {
  return (await deliveries(store).findOne({ _id: id } as never)) as unknown as Delivery | null;
}

/** Records the outcome of an attempt. */
export async function recordAttempt(store: Store, id: unknown, set: Partial<Delivery>, at: Date): Promise<void> {
  await deliveries(store).updateOne({ _id: id } as never, { $set: { ...set, updatedAt: at }, ...(set.lastError ? {} : { $unset: { lastError: '' } }) });
}

/** Everything an attempt sends: the site (current URL and secrets), the comment and, for some events, the report or order. */
export async function readDeliveryContext(store: Store, d: Delivery): Promise<{ site: SiteDoc | null; comment: CommentDoc | null; report?: ReportDoc | null; order?: TakedownOrderDoc | null }> {
  const { Site, Comment, Report, TakedownOrder } = store.models;
  const [site, comment, report, order] = await Promise.all([
    Site.findById(d.siteId).lean() as Promise<SiteDoc | null>,
    Comment.findById(d.commentId).lean() as Promise<CommentDoc | null>,
    d.reportId ? (Report.findById(d.reportId).lean() as Promise<ReportDoc | null>) : undefined,
    d.takedownOrderId ? (TakedownOrder.findById(d.takedownOrderId).lean() as Promise<TakedownOrderDoc | null>) : undefined,
  ]);
  return { site, comment, report, order };
}

/**
 * Deletes delivered and failed deliveries last touched before `olderThan` (FerretDB has
 * no TTL index: an app-level deleteMany); pending ones stay whatever their age.
 */
export async function pruneDeliveries(store: Store, olderThan: Date): Promise<number> {
  const res = await deliveries(store).deleteMany({ status: { $in: ['delivered', 'failed'] }, updatedAt: { $lt: olderThan } } as never);
  return res.deletedCount;
}

/** Re-keys the deliveries of a report (erasure gives the report a pseudonymous `_id`). */
export async function rekeyReportDeliveries(store: Store, fromReportId: string, toReportId: string): Promise<void> {
  await deliveries(store).updateMany({ reportId: fromReportId } as never, { $set: { reportId: toReportId } });
}

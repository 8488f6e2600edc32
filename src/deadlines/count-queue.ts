import type { Principal } from '../auth/principal';
import { findQueueCountFields } from '../store/comment-queries';
import type { Models } from '../store/models';
import { NO_CATEGORY, queueSelection, type QueueQuery } from './list-queue';

/** Exact counts of a queue: in total, held and reported, per category and per site. */
export interface QueueCounts {
  total: number;
  held: number;
  reported: number;
  overdue: number;
  byCategory: { category: string; count: number }[];
  bySite: { siteId: string; count: number }[];
}

function tally(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

/**
 * Counts the whole queue (site and article filters applied, not the category
 * one, so the counters show every category). Counted in code from a narrow
 * projection: FerretDB has no `$unwind`, and a comment counts once per
 * distinct category. One read of the queue, like a page read on FerretDB.
 */
export async function countQueue(models: Models, principal: Principal, q: Pick<QueueQuery, 'queue' | 'siteId' | 'articleId'>, now: Date): Promise<QueueCounts> {
  const docs = await findQueueCountFields(models, queueSelection(principal, q));
  const byCategory = new Map<string, number>();
  const bySite = new Map<string, number>();
  let reported = 0;
  let overdue = 0;
  for (const d of docs) {
    const cats = new Set((d.decision?.reasons ?? []).map((r) => r.category).filter((c): c is string => !!c));
    if (cats.size === 0) cats.add(NO_CATEGORY);
    for (const c of cats) tally(byCategory, c);
    tally(bySite, d.siteId);
    if (d.reported) reported += 1;
    if (d.dueAt && new Date(d.dueAt).getTime() < now.getTime()) overdue += 1;
  }
  return {
    total: docs.length,
    held: docs.length - reported,
    reported,
    overdue,
    byCategory: sorted(byCategory).map(([category, count]) => ({ category, count })),
    bySite: sorted(bySite).map(([siteId, count]) => ({ siteId, count })),
  };
}

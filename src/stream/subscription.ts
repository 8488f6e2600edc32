import { z } from 'zod';
import { canAccessSite, type Principal } from '../auth/principal';
import type { SaringEvent } from '../events/types';

const statuses = ['approved', 'pending', 'rejected'] as const;

/** What a client asked to see; every field narrows, an absent one does not. */
export interface Subscription {
  siteIds?: string[];
  statuses?: (typeof statuses)[number][];
  articleId?: string;
}

/** The client's `subscribe` message (also accepted as query parameters on connect). */
export const subscribeMessage = z.strictObject({
  type: z.literal('subscribe'),
  siteIds: z.array(z.string().min(1).max(100)).max(1000).optional(),
  statuses: z.array(z.enum(statuses)).max(3).optional(),
  articleId: z.string().min(1).max(200).optional(),
});

/**
 * True when the principal may see the event at all: events of a site only
 * for that site's moderators (admins see every site); events without a site
 * (rules reloaded or rejected) for every stream client.
 */
export function canSee(principal: Principal, event: SaringEvent): boolean {
  return !event.siteId || canAccessSite(principal, event.siteId);
}

/**
 * True when the event passes the client's filters. A comment event's status
 * is its `data.status`; a `comment.decided` event also matches on
 * `data.previousStatus`, so a queue of pending comments learns when one leaves.
 */
export function matchesSubscription(sub: Subscription, event: SaringEvent): boolean {
  if (sub.siteIds && event.siteId && !sub.siteIds.includes(event.siteId)) return false;
  if (!event.type.startsWith('comment.')) return true;
  // every comment.* payload carries the comment's view (src/events/types.ts)
  const data = event.data as { articleId?: string; status?: string; previousStatus?: string };
  if (sub.articleId && data.articleId !== sub.articleId) return false;
  if (sub.statuses) {
    const hit = (s: unknown) => typeof s === 'string' && (sub.statuses as string[]).includes(s);
    if (!hit(data.status) && !hit(data.previousStatus)) return false;
  }
  return true;
}

/** Sites in the request that this principal may not see (an empty list means the request is fine). */
export function forbiddenSites(principal: Principal, siteIds: string[] | undefined): string[] {
  return (siteIds ?? []).filter((s) => !canAccessSite(principal, s));
}

/** Reads the initial subscription from the connect URL (`?siteIds=a,b&statuses=pending&articleId=x`). */
export function subscriptionFromQuery(params: URLSearchParams): z.infer<typeof subscribeMessage> | { error: string } {
  const list = (name: string) => {
    const v = params.get(name);
    return v ? v.split(',').filter(Boolean) : undefined;
  };
  const parsed = subscribeMessage.safeParse({
    type: 'subscribe',
    ...(list('siteIds') ? { siteIds: list('siteIds') } : {}),
    ...(list('statuses') ? { statuses: list('statuses') } : {}),
    ...(params.get('articleId') ? { articleId: params.get('articleId') } : {}),
  });
  return parsed.success ? parsed.data : { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}

import { canAccessSite, type Principal } from '../auth/principal';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import type { SiteDirectory } from '../sites/site-directory';
import { eventEffect, withEffects } from '../effects/build-effects';
import { carryOutNow } from '../effects/carry-out';
import type { PendingEffect } from '../store/effects';
import type { AuthorDoc } from '../store/models';
import type { BanInput } from './schema';
import { authorKey, offenderPolicyOf, summarizeStanding, type Standing } from './standing';
import { updateAuthor } from './update-author';

export type StandingDeps = Pick<AppDeps, 'store' | 'events' | 'now' | 'logger'> & { sites: SiteDirectory };

/** 404 unless the site exists and the principal may act on it. */
async function assertSite(deps: StandingDeps, principal: Principal, siteId: string) {
  const site = canAccessSite(principal, siteId) ? await deps.sites.get(siteId) : undefined;
  if (!site) throw new AppError('not_found', `No site ${siteId}.`);
  return site;
}

/** An author's standing on a site (one `_id` lookup). */
export async function getStanding(deps: StandingDeps, principal: Principal, siteId: string, authorId: string): Promise<Standing> {
  const site = await assertSite(deps, principal, siteId);
  const policy = offenderPolicyOf(site);
  const now = deps.now();
  const since = new Date(now.getTime() - policy.offenderWindowDays * 86_400_000);
  const [doc, counts] = await Promise.all([
    deps.store.models.Author.findById(authorKey(siteId, authorId)).lean() as Promise<AuthorDoc | null>,
    countByStatus(deps, siteId, authorId, since),
  ]);
  return { ...summarizeStanding(siteId, authorId, doc, policy, now), counts };
}

/**
 * The author's comments in the window by their current status. Intake does
 * not write clean authors' approvals to the standing document (one write per
 * comment), so the counts shown come from the comments themselves; the
 * document's history still drives the repeat-offender gate on intake.
 */
async function countByStatus(deps: StandingDeps, siteId: string, authorId: string, since: Date): Promise<Standing['counts']> {
  const rows = await deps.store.models.Comment.aggregate<{ _id: string; n: number }>([
    { $match: { siteId, 'author.id': authorId, createdAt: { $gte: since } } },
    { $group: { _id: '$status', n: { $sum: 1 } } },
  ]);
  const n = (status: string) => rows.find((r) => r._id === status)?.n ?? 0;
  return { approved: n('approved'), held: n('pending'), rejected: n('rejected') };
}

async function writeBan(deps: StandingDeps, principal: Principal, siteId: string, authorId: string, ban: { until?: Date; reason?: string; note?: string }): Promise<Standing> {
  const site = await assertSite(deps, principal, siteId);
  const id = authorKey(siteId, authorId);
  const policy = offenderPolicyOf(site);
  const now = deps.now();
  const lifted = !ban.until;
  const eventOf = (standing: Standing) => ({ siteId, authorId, until: ban.until?.toISOString() ?? null, reason: ban.reason ?? null, lifted, by: principal.id, standing: { ...standing } });
  let before: { bannedUntil?: Date | null; banReason?: string | null } = {};
  let written: { revision: number; effects: PendingEffect[] } | undefined;
  const after = await updateAuthor(
    deps.store,
    { id, siteId, authorId },
    (doc) => {
      before = { bannedUntil: doc?.bannedUntil ?? null, banReason: doc?.banReason ?? null };
      if (!ban.until && !doc) return undefined;
      const patch = { bannedUntil: ban.until, banReason: ban.reason };
      // the event is written with the ban (same update), so a crash right after cannot lose it
      const revision = doc ? ((doc as { revision?: number }).revision ?? 0) + 1 : 0;
      const standing = summarizeStanding(siteId, authorId, { ...(doc ?? {}), ...patch } as AuthorDoc, policy, now);
      const effects = [eventEffect({ hostId: id, revision, at: now }, 'author.banned', eventOf(standing), siteId)];
      written = { revision, effects };
      return { ...patch, ...withEffects(doc, effects, now) };
    },
    { now: deps.now },
  );
  await deps.store.models.Audit.create({
    actor: principal.id,
    action: lifted ? 'author.unban' : 'author.ban',
    target: `author:${id}`,
    siteId,
    before,
    after: { bannedUntil: ban.until ?? null, banReason: ban.reason ?? null },
    note: ban.note ?? ban.reason,
    at: now,
  });
  const standing = summarizeStanding(siteId, authorId, after, policy, now);
  if (written) await carryOutNow(deps, { collection: 'authors', id, revision: written.revision }, written.effects);
  else {
    // nothing was stored (lifting the ban of an author never on record): nothing to lose either
    await deps.events.publish('author.banned', eventOf(standing), siteId).catch((err: unknown) => deps.logger.warn({ err, author: id }, 'could not publish author.banned'));
  }
  return standing;
}

/**
 * Bans an author on a site until a time (or for some hours): new comments
 * are rejected (reason `standing.banned`) until then. Audited and streamed
 * (`author.banned`, written with the ban as its effect). Banning again replaces the end.
 */
export async function banAuthor(deps: StandingDeps, principal: Principal, siteId: string, authorId: string, input: BanInput): Promise<Standing> {
  const now = deps.now();
  const until = input.until ? new Date(input.until) : new Date(now.getTime() + (input.hours ?? 0) * 3_600_000);
  if (until.getTime() <= now.getTime()) throw new AppError('validation_failed', undefined, [{ path: 'until', message: 'must be in the future' }]);
  return writeBan(deps, principal, siteId, authorId, { until, reason: input.reason });
}

/** Lifts a ban at once; audited and streamed as `author.banned` with `lifted: true`. */
export async function liftBan(deps: StandingDeps, principal: Principal, siteId: string, authorId: string, note?: string): Promise<Standing> {
  return writeBan(deps, principal, siteId, authorId, { note });
}

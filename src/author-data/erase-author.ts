import { randomBytes } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors';
import { claimKeys, deleteClaims, withCommentClaim } from '../store/claims';
import { rekeyReportDeliveries } from '../store/deliveries';
import { readStreamRelayDocs, setStreamRelayEvents } from '../store/stream-relay-docs';
import type { Store } from '../store/connect';
import type { CommentDoc, TakedownOrderDoc } from '../store/models';
import { updateOrder } from '../takedown/update-order';
import { collectAuthorData, dataCounts, type AuthorData } from './collect';
import type { AuthorDataDeps } from './export-author';
import { ERASED, redact, redactFreeText, redactId, type Redaction } from './redact';
import { DATA_REQUEST_BASIS, type EraseInput } from './schema';
import { requestSite } from './site-access';
import { updateCommentAtRevision } from '../store/comment-writes';
import { replaceWithNewId, updateFields } from '../store/documents';

/** The reason is kept in the audit trail: it must not carry what is being erased. */
function assertReasonAnonymous(input: EraseInput, r: Redaction): void {
  const said = `${input.reason} ${input.requestRef ?? ''}`.toLowerCase();
  const named = [r.authorId, ...r.names].filter((s) => s.length >= 3).some((s) => said.includes(s.toLowerCase()));
  if (named) throw new AppError('validation_failed', undefined, [{ path: 'reason', message: "must not contain the author's id or name: it stays in the audit trail" }]);
}

/** The comment with its text and name gone, its author a pseudonym, its decision kept. */
async function eraseComment(store: Store, id: string, r: Redaction, now: Date): Promise<void> {
  const done = await withCommentClaim(store, id, 'erase', async (fresh: CommentDoc) => {
    const set = {
      text: ERASED,
      maskedText: ERASED,
      author: { id: r.pseudonym, name: ERASED },
      ...(fresh.decision ? { decision: redact(fresh.decision, r) } : {}),
      ...(fresh.autoDecision ? { autoDecision: redact(fresh.autoDecision, r) } : {}),
      // side effects not yet carried out carry the comment too (src/effects/): what they publish later is erased as well
      ...((fresh as { effects?: unknown[] }).effects ? { effects: redact((fresh as { effects?: unknown[] }).effects, r) } : {}),
      erasedAt: now,
      updatedAt: now,
      revision: fresh.revision + 1,
    };
    if (!(await updateCommentAtRevision(store.models, fresh, { $set: set }))) throw new AppError('conflict', 'A comment changed while it was erased; send the request again (it is safe to repeat).');
  });
  if (!done) throw new AppError('conflict', 'A comment is being changed right now; send the request again (it is safe to repeat).');
}

/** Reports the author filed: re-keyed to the pseudonym (their `_id` is comment:reporter), the note gone. */
async function eraseReportsFiled(store: Store, data: AuthorData, r: Redaction): Promise<void> {
  const { Report } = store.models;
  for (const report of data.reportsFiled) {
    const next = { ...report, _id: `${report.commentId}:${r.pseudonym}`, reporterId: r.pseudonym };
    delete (next as { note?: unknown }).note;
    await replaceWithNewId(Report, report._id, next);
    await rekeyReportDeliveries(store, report._id, next._id);
  }
}

/** Audit entries, stream events and stream-relay documents about the author: redacted in place, so the trail stays whole. */
async function redactTrail(store: Store, siteId: string, data: AuthorData, r: Redaction): Promise<{ events: number }> {
  const { Audit, Event } = store.models;
  for (const a of data.audit) {
    await updateFields(Audit, a._id as object, { $set: { target: redactId(a.target, r), before: redact(a.before, r), after: redact(a.after, r), ...(a.note ? { note: redactFreeText(a.note, r) } : {}) } });
  }
  const ids = data.comments.map((c) => c._id);
  const touches = { $or: [{ 'data.id': { $in: ids } }, { 'data.authorId': r.authorId }, { 'data.report.reporterId': r.authorId }] };
  const events = await Event.find({ siteId, ...touches }).lean();
  for (const e of events) await updateFields(Event, e._id, { $set: { data: redact(e.data, r) } });
  const idSet = new Set(ids);
  for (const box of await readStreamRelayDocs(store.conn)) {
    const about = (d: Record<string, unknown>) => idSet.has(String(d.id)) || d.authorId === r.authorId;
    if (!box.events.some((e) => about(e.event.data))) continue;
    await setStreamRelayEvents(store.conn, box._id, box.events.map((e) => (about(e.event.data as Record<string, unknown>) ? { ...e, event: { ...e.event, data: redact(e.event.data, r) } as typeof e.event } : e)));
  }
  return { events: events.length };
}

/** The take-down evidence keeps that a comment was removed, not what it said. */
async function eraseFromOrders(store: Store, data: AuthorData, now: () => Date): Promise<void> {
  const ids = new Set(data.comments.map((c) => c._id));
  for (const order of data.takedownOrders) {
    await updateOrder(store, order._id, (o) => ({ comments: (o.comments ?? []).map((c) => (ids.has(c.commentId) ? { ...c, text: ERASED } : c)) as TakedownOrderDoc['comments'] }), { now });
  }
}

/**
 * Erases an author's data on a site (UU PDP Pasal 40–43): every comment
 * keeps its decision (status, action, categories, legal basis — the counts)
 * but loses its text and the author's name, and its author id becomes a
 * random pseudonym; the reports they filed, the audit entries, the stream
 * events and the take-down evidence about them are redacted the same way;
 * their standing (history, ban) is deleted. One anonymised `author.erase`
 * audit line says who did it, why, and how much was erased. Safe to repeat
 * after an interruption: what is left is found again by the author's id.
 */
export async function eraseAuthor(deps: AuthorDataDeps, principal: Principal, siteId: string, authorId: string, input: EraseInput) {
  await requestSite(deps.sites, principal, siteId);
  const data = await collectAuthorData(deps.store.models, siteId, authorId);
  const r: Redaction = { authorId, pseudonym: `erased-${randomBytes(6).toString('hex')}`, names: [...new Set(data.comments.map((c) => c.author?.name ?? '').filter(Boolean))] };
  assertReasonAnonymous(input, r);
  const now = deps.now();
  for (const c of data.comments) await eraseComment(deps.store, c._id, r, now);
  await eraseReportsFiled(deps.store, data, r);
  const { events } = await redactTrail(deps.store, siteId, data, r);
  await eraseFromOrders(deps.store, data, deps.now);
  await deps.store.models.Author.deleteOne({ _id: data.key });
  await deleteClaims(deps.store.conn, { keys: [claimKeys.author(data.key)], owners: [`report:${authorId}`] });
  const counts = { ...dataCounts(data), events, standingDeleted: !!data.standing };
  await deps.store.models.Audit.create({
    actor: principal.id,
    action: 'author.erase',
    target: `author:${siteId}:${r.pseudonym}`,
    siteId,
    after: { erasedAs: r.pseudonym, ...counts, ...(input.requestRef ? { requestRef: input.requestRef } : {}) },
    note: input.reason,
    at: now,
  });
  return { siteId, erasedAs: r.pseudonym, erasedAt: now, erasedBy: principal.id, legalBasis: DATA_REQUEST_BASIS.erase, counts };
}

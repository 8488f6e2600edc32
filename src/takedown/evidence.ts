import type { Principal } from '../auth/principal';
import type { Store } from '../store/connect';
import type { CommentDoc, TakedownOrderDoc } from '../store/models';
import { EVIDENCE_BASIS, TAKEDOWN_BASIS, URGENT_TAKEDOWN_BASIS } from './basis';
import { toOrderView, type OrderView } from './order-view';

/** One covered comment in the evidence: what it said, when it left the site, by whom, and the decision on it now. */
export interface EvidenceComment {
  commentId: string;
  siteId: string;
  externalId?: string;
  articleId?: string;
  articleUrl?: string;
  text: string;
  withdrawnAt?: Date;
  withdrawnBy?: string;
  withdrawnByName?: string;
  alreadyRemoved: boolean;
  decision: { status: string; action?: string; decidedBy?: string; decidedByName?: string; decidedAt?: Date; note?: string };
  removed: boolean;
}

/** What Permenkominfo 5/2020 Pasal 20(2) asks for: per item, its URL or comment id and the comments it covered. */
export interface Evidence {
  legalBasis: { order: string; evidence: string };
  generatedAt: Date;
  generatedBy: string;
  order: OrderView;
  items: { index: number; commentId?: string; articleUrl?: string; note?: string; comments: EvidenceComment[] }[];
  summary: { items: number; comments: number; removed: number; notRemoved: number };
}

type Current = Pick<CommentDoc, '_id' | 'status' | 'decision'>;

/** Names of the principals who acted, for the printable page (the bootstrap admin has none stored). */
async function principalNames(store: Store, ids: string[]): Promise<Map<string, string>> {
  const docs = await store.models.Principal.find({ _id: { $in: [...new Set(ids)] } }, { name: 1 }).lean();
  return new Map(docs.filter((d) => d.name).map((d) => [String(d._id), String(d.name)]));
}

/**
 * The evidence of a take-down (Pasal 20(2)): each item with its URL or
 * comment id, and each comment it covered with the text it had when it was
 * withdrawn, the time it left the site and who did it, and the decision on
 * it now (removed when rejected).
 */
export async function buildEvidence(deps: { store: Store; now: () => Date }, principal: Principal, order: TakedownOrderDoc): Promise<Evidence> {
  const entries = new Map((order.comments ?? []).map((c) => [c.commentId, c]));
  const current = new Map(((await deps.store.models.Comment.find({ _id: { $in: [...entries.keys()] } }, { status: 1, decision: 1 }).lean()) as Current[]).map((c) => [c._id, c]));
  const actors = [...entries.values()].flatMap((e) => [e.withdrawnBy ?? '']).concat([...current.values()].map((c) => c.decision?.decidedBy ?? ''));
  const names = await principalNames(deps.store, actors.filter(Boolean));
  const commentOf = (id: string): EvidenceComment | undefined => {
    const e = entries.get(id);
    if (!e) return undefined;
    const now = current.get(id);
    const d = now?.decision;
    const by = e.withdrawnBy ?? undefined;
    return {
      commentId: id,
      siteId: e.siteId ?? '',
      externalId: e.externalId ?? undefined,
      articleId: e.articleId ?? undefined,
      articleUrl: e.articleUrl ?? undefined,
      text: e.text ?? '',
      withdrawnAt: e.withdrawnAt ?? undefined,
      withdrawnBy: by,
      withdrawnByName: by ? names.get(by) : undefined,
      alreadyRemoved: !!e.alreadyRemoved,
      decision: { status: now?.status ?? 'unknown', action: d?.action ?? undefined, decidedBy: d?.decidedBy ?? undefined, decidedByName: d?.decidedBy ? names.get(d.decidedBy) : undefined, decidedAt: d?.decidedAt ?? undefined, note: d?.note ?? undefined },
      removed: now?.status === 'rejected',
    };
  };
  const items = (order.items ?? []).map((item, i) => ({
    index: i + 1,
    commentId: item.commentId ?? undefined,
    articleUrl: item.articleUrl ?? undefined,
    note: item.note ?? undefined,
    comments: (item.commentIds ?? []).map(commentOf).filter((c): c is EvidenceComment => !!c),
  }));
  const all = [...entries.keys()].map(commentOf).filter((c): c is EvidenceComment => !!c);
  const removed = all.filter((c) => c.removed).length;
  return {
    legalBasis: { order: order.urgent ? URGENT_TAKEDOWN_BASIS : TAKEDOWN_BASIS, evidence: EVIDENCE_BASIS },
    generatedAt: deps.now(),
    generatedBy: principal.id,
    order: toOrderView(order, deps.now()),
    items,
    summary: { items: items.length, comments: all.length, removed, notRemoved: all.length - removed },
  };
}

import type { CommentDoc } from '../store/models';

/** The public shape of a stored comment's decision (the `POST /v1/comments` answer). */
export function toSubmitResponse(doc: CommentDoc) {
  return {
    id: doc._id,
    externalId: doc.externalId,
    status: doc.status,
    reasons: doc.decision?.reasons ?? [],
    maskedText: doc.maskedText ?? doc.text,
    rulesetVersion: doc.decision?.rulesetVersion ?? doc.autoDecision?.rulesetVersion ?? '',
    revision: doc.revision,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** The full public shape of a comment (`GET /v1/comments/:id`). */
export function toCommentView(doc: CommentDoc) {
  return {
    id: doc._id,
    siteId: doc.siteId,
    externalId: doc.externalId,
    articleId: doc.articleId,
    articleUrl: doc.articleUrl ?? undefined,
    articleTitle: doc.articleTitle ?? undefined,
    section: doc.section ?? undefined,
    parentId: doc.parentId ?? undefined,
    author: { id: doc.author?.id ?? '', name: doc.author?.name ?? '' },
    text: doc.text,
    language: doc.language ?? undefined,
    status: doc.status,
    reasons: doc.decision?.reasons ?? [],
    maskedText: doc.maskedText ?? doc.text,
    decision: doc.decision,
    autoDecision: doc.autoDecision,
    dueAt: doc.dueAt ?? undefined,
    reportCount: doc.reportCount ?? 0,
    revision: doc.revision,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** A comment as events and the API show it. */
export type CommentView = ReturnType<typeof toCommentView>;

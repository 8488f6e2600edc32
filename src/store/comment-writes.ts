import type { CommentDoc, Models } from './models';

/** The fields a write sets and removes on a comment (driver update operators, no casting). */
export interface CommentChange {
  $set?: Record<string, unknown>;
  $unset?: Record<string, unknown>;
}

/**
 * Writes `change` to a comment if it is still at the revision the writer read
 * (a compare-and-set on `revision`); false when another writer moved it on.
 * Writers hold the revision's claim (src/store/claims.ts) while they write: on
 * FerretDB the claim is what makes the read-modify-write safe, the condition
 * here catches a writer that did not wait for it. Goes to the driver, past
 * mongoose, so no versioning or casting rewrites the change.
 */
export async function updateCommentAtRevision(models: Models, read: Pick<CommentDoc, '_id' | 'revision'>, change: CommentChange): Promise<boolean> {
  const res = await models.Comment.collection.updateOne({ _id: read._id, revision: read.revision } as never, change);
  return res.matchedCount > 0;
}

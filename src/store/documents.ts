import { isDuplicateKey } from './errors';

/**
 * Writes of whole documents and of fields by `_id`, straight to the driver
 * (past mongoose's casting, defaults and versioning, which the callers set
 * themselves: `revision`, `updatedAt`). For the collections whose writers hold
 * a claim (src/store/claims.ts) or rely on the `_id` being unique.
 */

/** The driver collection behind a model (`models.Report`, `models.TakedownOrder` …). */
interface RawCollection {
  collection: {
    insertOne(doc: never): Promise<unknown>;
    updateOne(filter: never, update: never): Promise<{ matchedCount: number }>;
  };
}

/** The operators of a field update. */
export interface FieldChange {
  $set?: Record<string, unknown>;
  $unset?: Record<string, unknown>;
}

/** Inserts `doc`; false when a document with its `_id` is already there (a retry, a duplicate). */
export async function insertOnce(model: RawCollection, doc: { _id: string }): Promise<boolean> {
  try {
    await model.collection.insertOne(doc as never);
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Sets (and unsets) fields of the document with `_id` `id`; false when there is none. */
export async function updateFields(model: RawCollection, id: string, change: FieldChange): Promise<boolean> {
  const res = await model.collection.updateOne({ _id: id } as never, change as never);
  return res.matchedCount > 0;
}

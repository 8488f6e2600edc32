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

/** Sets (and unsets) fields of the document with `_id` `id` (a string, or the ObjectId of an audit entry); false when there is none. */
export function updateFields(model: RawCollection, id: string | object, change: FieldChange): Promise<boolean> {
  return updateFieldsIf(model, id, {}, change);
}

/**
 * Sets fields of the document with `_id` `id` only while it still holds `expected`
 * (a compare-and-set, e.g. on a report's state); false when it moved on or is gone.
 */
export async function updateFieldsIf(model: RawCollection, id: string | object, expected: Record<string, unknown>, change: FieldChange): Promise<boolean> {
  const res = await model.collection.updateOne({ ...expected, _id: id } as never, change as never);
  return res.matchedCount > 0;
}

/** Moves a document to a new `_id` (insert the new one, then delete the old one). */
export async function replaceWithNewId(model: RawCollection & { collection: { deleteOne(filter: never): Promise<unknown> } }, oldId: string, next: { _id: string }): Promise<void> {
  await model.collection.insertOne(next as never);
  await model.collection.deleteOne({ _id: oldId } as never);
}

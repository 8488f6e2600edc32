import { settleMarkings } from '../../src/effects/done-queue';
import type { Store } from '../../src/store/connect';
/** Polls `check` every `everyMs` until it returns a truthy value; fails after `timeoutMs`. */
export async function waitUntil<T>(check: () => Promise<T> | T, opts: { timeoutMs?: number; everyMs?: number; what?: string } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + (opts.timeoutMs ?? 5000);
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, opts.everyMs ?? 20));
  }
  throw new Error(`timed out waiting for ${opts.what ?? 'a condition'}; last value: ${JSON.stringify(last)}`);
}

/**
 * Waits until a comment's pending side effects are carried out and marked done, and the
 * background marking has let go of the revision's claim (src/effects/done-queue.ts): the
 * marking removes the effects under that claim and releases it just after. A test that takes
 * that claim itself, or writes the comment directly (outside the claims every writer holds),
 * waits for this first — on FerretDB an update is a read then a write, and a direct write
 * racing the marking's could be lost.
 */
export async function effectsMarkedDone(store: Store, id: string): Promise<void> {
  await waitUntil(async () => {
    await settleMarkings(store);
    const doc = (await store.models.Comment.findById(id).lean()) as { effects?: unknown[] } | null;
    return doc !== null && !doc.effects;
  }, { timeoutMs: 30_000, what: 'the effects of the submission marked done' });
}

import type { Store } from '../store/connect';
import type { AuthorDoc } from '../store/models';
import { authorKey } from './standing';
import { updateAuthor } from './update-author';

/** Outcomes kept per author and site; the sliding window is applied when reading. */
export const HISTORY_CAP = 200;

/** One comment's outcome for its author's standing. */
export interface Outcome {
  siteId: string;
  authorId: string;
  commentId: string;
  status: 'approved' | 'pending' | 'rejected';
  at: Date;
  /** The text's fingerprint (intake); a later decision keeps the one recorded first. */
  textHash?: string;
}

/**
 * Records the outcome of a comment in its author's standing. Entries are
 * keyed by comment, so a moderator's decision replaces the engine's outcome
 * instead of counting the comment twice, and recording twice is harmless.
 * The list is bounded (newest {@link HISTORY_CAP}) and entries older than
 * `keepDays` are dropped as they are passed. Intake passes few `tries`: under
 * a burst from one author it gives up (and logs) rather than slow the answer.
 */
export async function recordOutcome(store: Store, outcome: Outcome, opts: { now: () => Date; keepDays?: number; tries?: number }): Promise<void> {
  const id = authorKey(outcome.siteId, outcome.authorId);
  const keepSince = outcome.at.getTime() - (opts.keepDays ?? 90) * 86_400_000;
  await updateAuthor(
    store,
    { id, siteId: outcome.siteId, authorId: outcome.authorId },
    (doc: AuthorDoc | null) => {
      const previous = doc?.history?.find((h) => h.commentId === outcome.commentId);
      const kept = (doc?.history ?? []).filter((h) => h.commentId !== outcome.commentId && h.at && new Date(h.at).getTime() >= keepSince);
      const textHash = outcome.textHash ?? previous?.textHash ?? undefined;
      const history = [...kept, { commentId: outcome.commentId, status: outcome.status, at: outcome.at, ...(textHash ? { textHash } : {}) }].slice(-HISTORY_CAP);
      return { history: history as AuthorDoc['history'] };
    },
    { now: opts.now, tries: opts.tries },
  );
}

/**
 * What each author posted lately on this instance, as text fingerprints:
 * the memory behind `spam.repeat` for authors who have no stored standing
 * (clean authors are not written to the store on intake, to keep intake at
 * one write). Bounded: a few entries per author, a capped number of authors,
 * the oldest forgotten first. Per instance: a flood spread over several
 * instances is seen by each of them separately.
 */
export class RecentTexts {
  private readonly byAuthor = new Map<string, { commentId: string; hash: string; at: number }[]>();

  constructor(
    private readonly maxAuthors = 50_000,
    private readonly perAuthor = 16,
    private readonly windowMs = 24 * 3_600_000,
  ) {}

  /** The fingerprints `key` posted inside the window before `now`, with their comment ids. */
  recent(key: string, now: Date): { commentId: string; hash: string; at: number }[] {
    const since = now.getTime() - this.windowMs;
    return (this.byAuthor.get(key) ?? []).filter((e) => e.at >= since);
  }

  /** Remembers one comment's fingerprint. */
  add(key: string, commentId: string, hash: string, now: Date): void {
    const list = this.recent(key, now);
    list.push({ commentId, hash, at: now.getTime() });
    this.byAuthor.delete(key);
    this.byAuthor.set(key, list.slice(-this.perAuthor));
    if (this.byAuthor.size > this.maxAuthors) {
      const oldest = this.byAuthor.keys().next().value;
      if (oldest !== undefined) this.byAuthor.delete(oldest);
    }
  }
}

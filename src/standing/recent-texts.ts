/** One remembered comment: its id, its text fingerprint, when (epoch ms). */
export interface RecentEntry {
  commentId: string;
  hash: string;
  at: number;
}

/** Options of {@link RecentTexts}; defaults in docs/reliability.md. */
export interface RecentTextsOptions {
  maxAuthors?: number;
  perAuthor?: number;
  windowMs?: number;
  /** Most memory the fingerprints may take, estimated in bytes (keys, ids and hashes as UTF-16, plus overhead). */
  maxBytes?: number;
}

const ENTRY_OVERHEAD = 64;
const AUTHOR_OVERHEAD = 96;
const sizeOf = (key: string, list: RecentEntry[]) => AUTHOR_OVERHEAD + key.length * 2 + list.reduce((n, e) => n + ENTRY_OVERHEAD + (e.commentId.length + e.hash.length) * 2, 0);

/**
 * What each author posted lately on this instance, as text fingerprints:
 * the memory behind `spam.repeat` for authors who have no stored standing
 * (clean authors are not written to the store on intake, to keep intake at
 * one write). Bounded: a few entries per author, a capped number of authors
 * and a cap in bytes, the oldest forgotten first. Per instance: a flood spread
 * over several instances is seen by each of them separately.
 */
export class RecentTexts {
  private readonly byAuthor = new Map<string, { list: RecentEntry[]; bytes: number }>();
  private bytes = 0;
  private readonly maxAuthors: number;
  private readonly perAuthor: number;
  private readonly windowMs: number;
  private readonly maxBytes: number;

  constructor(opts: RecentTextsOptions = {}) {
    this.maxAuthors = opts.maxAuthors ?? 50_000;
    this.perAuthor = opts.perAuthor ?? 16;
    this.windowMs = opts.windowMs ?? 24 * 3_600_000;
    this.maxBytes = opts.maxBytes ?? 16 * 1024 * 1024;
  }

  /** The fingerprints `key` posted inside the window before `now`, with their comment ids. */
  recent(key: string, now: Date): RecentEntry[] {
    const since = now.getTime() - this.windowMs;
    return (this.byAuthor.get(key)?.list ?? []).filter((e) => e.at >= since);
  }

  /** Remembers one comment's fingerprint. */
  add(key: string, commentId: string, hash: string, now: Date): void {
    const list = this.recent(key, now);
    list.push({ commentId, hash, at: now.getTime() });
    this.remove(key);
    const kept = list.slice(-this.perAuthor);
    const bytes = sizeOf(key, kept);
    this.byAuthor.set(key, { list: kept, bytes });
    this.bytes += bytes;
    while (this.byAuthor.size > this.maxAuthors || (this.bytes > this.maxBytes && this.byAuthor.size > 1)) {
      const oldest = this.byAuthor.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  /** Estimated bytes held, and authors (tests, metrics). */
  get usage(): { bytes: number; authors: number } {
    return { bytes: this.bytes, authors: this.byAuthor.size };
  }

  private remove(key: string): void {
    const held = this.byAuthor.get(key);
    if (!held) return;
    this.bytes -= held.bytes;
    this.byAuthor.delete(key);
  }
}

/**
 * The live queue of held comments, independent of the DOM: comments enter
 * when created `pending` (or listed at start) and leave when decided.
 */
export class QueueState {
  constructor() {
    this.items = new Map();
    this.gone = new Set();
    this.recent = [];
    this.filters = { siteId: '', articleId: '', category: '' };
  }

  /** Adds a held comment unless it was already decided. */
  add(comment) {
    if (comment.status !== 'pending' || this.gone.has(comment.id)) return false;
    this.items.set(comment.id, comment);
    return true;
  }

  /** Applies a `comment.decided` event (or our own decision's answer). */
  decided(comment) {
    if (comment.status !== 'pending') {
      this.gone.add(comment.id);
      this.items.delete(comment.id);
      this.recent = [comment, ...this.recent.filter((c) => c.id !== comment.id)].slice(0, 20);
    } else this.items.set(comment.id, comment);
  }

  /** Categories of a comment (one entry per distinct category). */
  static categories(comment) {
    const cats = new Set((comment.reasons ?? []).map((r) => r.category));
    return cats.size ? [...cats] : ['(policy)'];
  }

  /** The held comments passing the filters, oldest first. */
  visible() {
    const { siteId, articleId, category } = this.filters;
    return [...this.items.values()]
      .filter((c) => !siteId || c.siteId === siteId)
      .filter((c) => !articleId || c.articleId === articleId)
      .filter((c) => !category || QueueState.categories(c).includes(category))
      .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  }

  /** Held comments per category (site and article filters applied, not the category one). */
  counters() {
    const counts = new Map();
    for (const c of this.items.values()) {
      if (this.filters.siteId && c.siteId !== this.filters.siteId) continue;
      if (this.filters.articleId && c.articleId !== this.filters.articleId) continue;
      for (const cat of QueueState.categories(c)) counts.set(cat, (counts.get(cat) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }

  sites() {
    return [...new Set([...this.items.values()].map((c) => c.siteId))].sort();
  }
}

/**
 * One page of the moderation queue, independent of the DOM. The server
 * orders the queue (soonest deadline first, ties by id) and counts it; this
 * keeps the page it answered, in the same order, and applies live events:
 * a new held comment joins the page when it sorts inside it, a decided one
 * leaves — except the selected one decided elsewhere, which stays on screen
 * marked as decided, so a keystroke never lands on a comment nobody chose.
 */
const FAR = 8.64e15;

/** The sort key of a queued comment: (deadline, id), as the server sorts. */
export function dueKey(c) {
  const t = c.dueAt ? new Date(c.dueAt).getTime() : FAR;
  return [Number.isNaN(t) ? FAR : t, c.id];
}

/** Compares two comments by due time, then id (both ascending). */
export function byDue(a, b) {
  const [ta, ia] = dueKey(a);
  const [tb, ib] = dueKey(b);
  return ta - tb || (ia < ib ? -1 : ia > ib ? 1 : 0);
}

/** Categories of a comment, `none` when no rule matched. */
export function categoriesOf(c) {
  const cats = new Set((c.reasons ?? []).map((r) => r.category).filter(Boolean));
  return cats.size ? [...cats] : ['none'];
}

export class QueuePage {
  constructor() {
    this.items = [];
    this.nextCursor = null;
    this.cursors = [null];
    this.page = 0;
    this.counts = undefined;
    /** id → the event data of a comment decided elsewhere while selected. */
    this.gone = new Map();
  }

  /** Replaces the page with a server answer. */
  load(items, nextCursor) {
    this.items = [...items].sort(byDue);
    this.nextCursor = nextCursor;
    this.gone.clear();
  }

  has(id) {
    return this.items.some((c) => c.id === id);
  }

  get(id) {
    return this.items.find((c) => c.id === id);
  }

  indexOf(id) {
    return this.items.findIndex((c) => c.id === id);
  }

  /** A new held comment: joins the page when it sorts before its end (or the page is the last one). */
  offer(c) {
    if (this.has(c.id)) return false;
    const last = this.items[this.items.length - 1];
    if (this.nextCursor && (!last || byDue(c, last) > 0)) return false;
    this.items.push(c);
    this.items.sort(byDue);
    return true;
  }

  /** Removes a comment from the page. */
  remove(id) {
    const i = this.indexOf(id);
    if (i >= 0) this.items.splice(i, 1);
    this.gone.delete(id);
    return i;
  }

  /** Keeps a decided comment on screen, marked, until the moderator moves on. */
  markGone(id, data) {
    if (this.has(id)) this.gone.set(id, data);
  }

  /** Drops every marked comment except `keep`. */
  dropGone(keep) {
    for (const id of [...this.gone.keys()]) if (id !== keep) this.remove(id);
  }

  /** The comment `step` places from `id` on this page. */
  neighbour(id, step) {
    const i = this.indexOf(id);
    return i < 0 ? undefined : this.items[i + step];
  }
}

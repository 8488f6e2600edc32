/** What erased text and names become. */
export const ERASED = '[dihapus]';

/** Who is being erased and what replaces their id. */
export interface Redaction {
  authorId: string;
  pseudonym: string;
  /** The names the author used (replaced wherever they appear in a string of a redacted document). */
  names: string[];
}

const TEXT_KEYS = new Set(['text', 'maskedText']);
const ID_KEYS = new Set(['authorId', 'reporterId', 'id']);

/** A string with the author's id (as a whole, or as the last `:`-part of a key) and names replaced. */
export function redactString(s: string, r: Redaction): string {
  if (s === r.authorId) return r.pseudonym;
  let out = s.endsWith(`:${r.authorId}`) ? `${s.slice(0, -r.authorId.length)}${r.pseudonym}` : s;
  for (const name of r.names) if (name.length >= 3) out = out.split(name).join(ERASED);
  return out;
}

/**
 * A deep copy of a stored value with the author's traces removed: every
 * `text` and `maskedText` (comment text, and the matched spans' text) and an
 * author's `name` (and the note of a report they filed) become {@link ERASED}; the author's id becomes the
 * pseudonym; other strings lose the author's names. Numbers, dates and the
 * decisions' categories, actions and legal bases stay, so the counts do.
 */
export function redact(value: unknown, r: Redaction, key = '', parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => redact(v, r, key, parentKey));
  if (value instanceof Date || value === null || value === undefined) return value;
  if (typeof value === 'string') {
    if (TEXT_KEYS.has(key)) return ERASED;
    if (key === 'name' && parentKey === 'author') return ERASED;
    if (ID_KEYS.has(key) && value === r.authorId) return r.pseudonym;
    return redactString(value, r);
  }
  if (typeof value === 'object') {
    if (value.constructor !== Object) return value;
    const o = value as Record<string, unknown>;
    // a report the author filed: its note is their words too
    const theirs = o.reporterId === r.authorId || o.authorId === r.authorId;
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, theirs && k === 'note' && typeof v === 'string' ? ERASED : redact(v, r, k, key)]));
  }
  return value;
}


/** What erased text and names become. */
export const ERASED = '[dihapus]';

/** Who is being erased and what replaces their id. */
export interface Redaction {
  authorId: string;
  pseudonym: string;
  /** The names the author used (taken out of the free-text fields of a redacted document). */
  names: string[];
}

const TEXT_KEYS = new Set(['text', 'maskedText']);
const ID_KEYS = new Set(['authorId', 'reporterId', 'id']);
/** Words people typed about the author (moderators' notes, ban reasons): their names are taken out there. */
const FREE_TEXT_KEYS = new Set(['note', 'reason', 'banReason', 'completionNote']);

/** A key or id with the author's id (as a whole, or as its last `:`-part) replaced by the pseudonym. */
export function redactId(s: string, r: Redaction): string {
  if (s === r.authorId) return r.pseudonym;
  return s.endsWith(`:${r.authorId}`) ? `${s.slice(0, -r.authorId.length)}${r.pseudonym}` : s;
}

/**
 * Free text (a note, a reason) without the author's names or id. Only free
 * text: a name that is also an ordinary word ("Pasal") must not reach the
 * legal bases or the rule ids the counts are kept by.
 */
export function redactFreeText(s: string, r: Redaction): string {
  let out = redactId(s, r);
  for (const word of [r.authorId, ...r.names]) if (word.length >= 3) out = out.split(word).join(ERASED);
  return out;
}

/**
 * A deep copy of a stored value with the author's traces removed: every
 * `text` and `maskedText` (comment text, and the matched spans' text), an
 * author's `name` and the note of a report they filed become {@link ERASED};
 * the author's id becomes the pseudonym; notes and reasons lose the author's
 * names. Numbers, dates and the decisions' categories, actions and legal bases
 * stay, so the counts do.
 */
export function redact(value: unknown, r: Redaction, key = '', parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => redact(v, r, key, parentKey));
  if (value instanceof Date || value === null || value === undefined) return value;
  if (typeof value === 'string') {
    if (TEXT_KEYS.has(key)) return ERASED;
    if (key === 'name' && parentKey === 'author') return ERASED;
    if (ID_KEYS.has(key) && value === r.authorId) return r.pseudonym;
    return FREE_TEXT_KEYS.has(key) ? redactFreeText(value, r) : redactId(value, r);
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

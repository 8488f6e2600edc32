import { TEXT_END, TEXT_START } from '../moderation/class-scanner';
import { WORD_BOUNDARY, charSet, complement, type CharSet } from './regex-syntax';

/**
 * Class strings — sequences of character sets — and what the gate analysis does with them:
 * dedupe, the empty-width items (`^`, `$`, `\b`) read as constraints, how common a set is in
 * ordinary text, and dropping the strings another string of the same clause already covers.
 */
export type ClassString = CharSet[];
/** A clause holds when the text contains one of its strings. */
export type Clause = ClassString[];

/** The ordinary text a clause's likelihood is estimated for, in characters. */
const TEXT_LENGTH = 100;

export const key = (s: ClassString): string => s.map((set) => set.join(',')).join('|');

/** The same clause whatever the order of its strings. */
export const clauseKey = (c: Clause): string => c.map(key).sort().join('/');

export function unique(strings: ClassString[]): ClassString[] {
  const seen = new Map<string, ClassString>();
  for (const s of strings) seen.set(key(s), s);
  return [...seen.values()];
}

const isSingle = (set: CharSet, cp: number) => set.length === 2 && set[0] === cp && set[1] === cp;
const isZeroWidth = (set: CharSet) => isSingle(set, TEXT_START) || isSingle(set, TEXT_END) || isSingle(set, WORD_BOUNDARY);

/** RE2's word characters for `\b` ([0-9A-Za-z_]) and the rest, the text's two ends included. */
const WORD: CharSet = charSet([[48, 57], [65, 90], [95, 95], [97, 122]]);
const NON_WORD: CharSet = complement(WORD);

function intersect(a: CharSet, b: CharSet): CharSet {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < a.length; i += 2) {
    for (let k = 0; k < b.length; k += 2) {
      const lo = Math.max(a[i] as number, b[k] as number);
      const hi = Math.min(a[i + 1] as number, b[k + 1] as number);
      if (lo <= hi) out.push([lo, hi]);
    }
  }
  return charSet(out);
}

/** What a word boundary between `left` and `right` asks of the side that is not fixed; null: nothing. */
function boundaryNeeds(known: CharSet): CharSet | null {
  if (includesSet(WORD, known)) return NON_WORD;
  if (includesSet(NON_WORD, known)) return WORD;
  return null;
}

/**
 * `^`, `$` and `\b` are empty-width; `^` and `$` are read as the characters a scan feeds before and
 * after the text. A run of them stands for one position: `^` first, then `\b`, then `$` ("^^" is
 * "^"); after that `^` can only come first and `$` last (null: no text can contain the string, as
 * "a^"). A `\b` between two sets narrows one by the other (before a letter: a non-letter or the
 * start); one at the edge of the string waits for the next part (see `settle`).
 */
export function tidy(s: ClassString): ClassString | null {
  const out: CharSet[] = [];
  for (let i = 0; i < s.length; ) {
    if (!isZeroWidth(s[i] as CharSet)) {
      out.push(s[i++] as CharSet);
      continue;
    }
    const run = new Set<number>();
    for (; i < s.length && isZeroWidth(s[i] as CharSet); i++) run.add((s[i] as CharSet)[0] as number);
    for (const cp of [TEXT_START, WORD_BOUNDARY, TEXT_END]) if (run.has(cp)) out.push([cp, cp]);
  }
  for (let i = 0; i < out.length; i++) {
    if (isSingle(out[i] as CharSet, TEXT_START) && i > 0) return null;
    if (isSingle(out[i] as CharSet, TEXT_END) && i < out.length - 1) return null;
  }
  for (let i = out.length - 2; i >= 1; i--) {
    if (!isSingle(out[i] as CharSet, WORD_BOUNDARY)) continue;
    const left = out[i - 1] as CharSet;
    const right = out[i + 1] as CharSet;
    const forLeft = boundaryNeeds(right);
    const forRight = forLeft === null ? boundaryNeeds(left) : null;
    if (forLeft !== null) out[i - 1] = intersect(left, forLeft);
    if (forRight !== null) out[i + 1] = intersect(right, forRight);
    if ((out[i - 1] as CharSet).length === 0 || (out[i + 1] as CharSet).length === 0) return null;
    out.splice(i, 1);
  }
  return out;
}

/** A string as a gate: a `\b` left at an edge becomes the character it asks for beyond it, or goes. */
export function settle(s: ClassString): ClassString {
  let out = s;
  if (out.length > 0 && isSingle(out[0] as CharSet, WORD_BOUNDARY)) {
    const need = out.length > 1 ? boundaryNeeds(out[1] as CharSet) : null;
    out = need === null ? out.slice(1) : [need, ...out.slice(1)];
  }
  const last = out.length - 1;
  if (last >= 0 && isSingle(out[last] as CharSet, WORD_BOUNDARY)) {
    const need = last > 0 ? boundaryNeeds(out[last - 1] as CharSet) : null;
    out = need === null ? out.slice(0, last) : [...out.slice(0, last), need];
  }
  return out;
}

/** Rough share of characters of ordinary comment text that fall in `set`. */
export function share(set: CharSet): number {
  let p = 0;
  for (let i = 0; i < set.length; i += 2) {
    const lo = set[i] as number;
    const hi = set[i + 1] as number;
    const overlap = (a: number, b: number) => Math.max(0, Math.min(hi, b) - Math.max(lo, a) + 1);
    p += overlap(97, 122) * 0.035 + overlap(32, 32) * 0.15 + overlap(48, 57) * 0.004 + overlap(10, 10) * 0.003;
    p += (overlap(0, 127) - overlap(97, 122) - overlap(32, 32) - overlap(48, 57) - overlap(10, 10)) * 0.002;
    p += Math.min(0.02, overlap(128, 0x10ffff) * 0.0005);
  }
  return Math.min(1, p);
}

/** How many times a clause is expected in an ordinary text (a rough estimate, for choosing gates). */
export function clauseLikelihood(clause: Clause): number {
  let p = 0;
  for (const s of clause) p += s.reduce((q, set) => q * share(set), 1);
  return p * TEXT_LENGTH;
}

export function includesSet(outer: CharSet, inner: CharSet): boolean {
  let k = 0;
  for (let i = 0; i < inner.length; i += 2) {
    while (k < outer.length && (outer[k + 1] as number) < (inner[i] as number)) k += 2;
    if (k >= outer.length || (outer[k] as number) > (inner[i] as number) || (outer[k + 1] as number) < (inner[i + 1] as number)) return false;
  }
  return true;
}

/** Whether every text containing `long` also contains `short` (some window of `long` lies within it). */
function implies(long: ClassString, short: ClassString): boolean {
  for (let at = 0; at + short.length <= long.length; at++) {
    if (short.every((set, k) => includesSet(set, long[at + k] as CharSet))) return true;
  }
  return false;
}

/** Drops the strings that contain another string of the clause: they add nothing to it. */
export function minimise(strings: ClassString[]): ClassString[] {
  const sorted = [...strings].sort((a, b) => a.length - b.length);
  const kept: ClassString[] = [];
  for (const s of sorted) if (!kept.some((k) => implies(s, k))) kept.push(s);
  return kept;
}

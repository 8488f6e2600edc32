import { foldCodePoint } from './fold-char';
import { textOfCodes } from './utf16';

/** The folded text's UTF-16 units, built here and made a string once (reused by the next text). */
let buffer: Uint16Array = new Uint16Array(1024);

function grow(old: Uint16Array, need: number): Uint16Array {
  const next = new Uint16Array(Math.max(need, old.length * 2));
  next.set(old);
  return next;
}

/**
 * Text after the per-character transformers, with a map back to the original.
 * `starts[i]`/`ends[i]` are the original UTF-16 range that produced `text[i]`;
 * both are `null` when the map is the identity (plain ASCII input).
 */
export interface FoldedText {
  text: string;
  starts: number[] | null;
  ends: number[] | null;
  /** Number of fancy code points (math alphanumerics, enclosed, fullwidth, look-alikes, mark stacks). */
  fancy: number;
  /** A bidi override put characters out of their original order (spans must then cover every position). */
  reordered: boolean;
}

/** Plain printable ASCII (and tab, line breaks) — 2 when it has a tab or a line break, 1 when not, 0 when it is not plain. */
function plainAscii(text: string): 0 | 1 | 2 {
  let breaks: 1 | 2 = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 32 && c <= 126) continue;
    if (c !== 10 && c !== 13 && c !== 9) return 0;
    breaks = 2;
  }
  return breaks;
}

/** Original start offset of folded position `i`. */
export function originalStart(f: FoldedText, i: number): number {
  return f.starts === null ? i : (f.starts[i] ?? 0);
}

/** Original end offset (exclusive) of folded position `i`. */
export function originalEnd(f: FoldedText, i: number): number {
  return f.ends === null ? i + 1 : (f.ends[i] ?? 0);
}

/** An ASCII character folded: lower-cased, a control character (tab, line break) read as a space. */
function foldAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c < 32 ? 32 : c;
}

/** One code point of the original text: its offset and UTF-16 width. */
type Unit = readonly [offset: number, width: number];

const RLO = 0x202e;
const PDF = 0x202c;

/**
 * `bidi` transformer: the code points in the order a reader sees them. A right-to-left
 * override (U+202E … U+202C, or to the end of the line) shows its Latin letters reversed,
 * so `"\u202egnijna\u202c"` is read as displayed: "anjing". Null when there is no override.
 */
function displayOrder(text: string): Unit[] | null {
  if (!text.includes('\u202e')) return null;
  const units: Unit[] = [];
  let run: Unit[] | null = null;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (cp === RLO) run ??= [];
    if (run !== null && (cp === PDF || cp === 10)) {
      units.push(...run.reverse());
      run = null;
    }
    (run ?? units).push([i, width]);
    i += width;
  }
  if (run !== null) units.push(...run.reverse());
  return units;
}

/**
 * Runs the per-character transformers (NFKC, look-alikes, marks, invisibles, lower-case)
 * over `text`, keeping the offset map.
 */
export function foldText(text: string): FoldedText {
  const plain = plainAscii(text);
  // most comments: one line of plain ASCII, only lower-cased
  if (plain !== 0) return { text: (plain === 2 ? text.replace(/[\t\r\n]/g, ' ') : text).toLowerCase(), starts: null, ends: null, fancy: 0, reordered: false };
  // plain arrays: a typed array costs a backing store per call, far more than a short text's pushes
  const starts: number[] = [];
  const ends: number[] = [];
  let n = 0;
  let fancy = 0;
  let marksInRow = 0;
  const order = displayOrder(text);
  for (let u = 0, i = 0; order === null ? i < text.length : u < order.length; u++) {
    if (order !== null) i = (order[u] as Unit)[0];
    const code = text.charCodeAt(i);
    if (code < 128 && order === null) {
      // the common case, even in a text with emoji: a run of ASCII characters, lower-cased, in one loop
      let runEnd = i + 1;
      while (runEnd < text.length && text.charCodeAt(runEnd) < 128) runEnd++;
      if (n + (runEnd - i) > buffer.length) buffer = grow(buffer, n + (runEnd - i));
      for (; i < runEnd; i++) {
        buffer[n++] = foldAscii(text.charCodeAt(i));
        starts.push(i);
        ends.push(i + 1);
      }
      marksInRow = 0;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (cp < 128) {
      // one character of a reordered text, lower-cased
      if (n === buffer.length) buffer = grow(buffer, n + 1);
      buffer[n++] = foldAscii(code);
      starts.push(i);
      ends.push(i + width);
      marksInRow = 0;
    } else {
      const folded = foldCodePoint(cp);
      if (folded.fancy) fancy++;
      if (folded.mark) {
        marksInRow++;
        if (marksInRow === 2) fancy++;
      } else if (folded.out !== '') marksInRow = 0;
      const piece = folded.out;
      if (piece === '') {
        if (n > 0) ends[n - 1] = i + width; // a dropped mark belongs to the character before it
      } else {
        if (n + piece.length > buffer.length) buffer = grow(buffer, n + piece.length);
        for (let k = 0; k < piece.length; k++) {
          buffer[n++] = piece.charCodeAt(k);
          starts.push(i);
          ends.push(i + width);
        }
      }
    }
    if (order === null) i += width;
  }
  return { text: textOfCodes(buffer, n), starts, ends, fancy, reordered: order !== null };
}

/** A set of code points as sorted, disjoint, inclusive ranges: [lo0, hi0, lo1, hi1, …]. */
export type CharSet = readonly number[];

/**
 * `^` and `$` (no multi-line flag: the ends of the text) are read as two control characters that
 * a scan feeds before and after the text; normalised text never holds them itself.
 */
export const TEXT_START = 0x02;

/** A literal as a class string: one single-character set per code point. */
export function literalString(literal: string): CharSet[] {
  return [...literal].map((ch) => [ch.codePointAt(0) as number, ch.codePointAt(0) as number]);
}
export const TEXT_END = 0x03;

/**
 * One pass over a text that tells which of many clauses hold — a clause holds when the text
 * contains one of its class strings (sequences of character sets). It is an Aho–Corasick automaton
 * over character classes, built lazily as a DFA: the code points are split into the classes the
 * sets tell apart, and each DFA state (the set of partial matches alive) is made the first time a
 * text reaches it, then reused. Per character the cost is one table look-up, whatever the number
 * of clauses. The number of states kept is bounded: past it the table starts over.
 *
 * @example
 * const scanner = new ClassScanner([[[[0x61, 0x61], [0x62, 0x62]]]]); // clause 0: contains "ab"
 * scanner.scan('xaby')[0]; // 1
 */
export class ClassScanner {
  readonly clauseCount: number;
  /** Each string: its sets (as indices into `sets`) and its clause. */
  private readonly strings: Array<{ sets: number[]; clause: number }> = [];
  private readonly sets: CharSet[] = [];
  /** Elementary intervals of the code point space (their starts, sorted) and their class. */
  private readonly bounds: number[];
  private readonly boundClass: Int32Array;
  private readonly asciiClass = new Int32Array(128);
  private readonly classCount: number;
  private readonly startClass: number;
  private readonly endClass: number;
  /**
   * NFA positions, numbered string by string: position p (p ≥ 1: that many sets matched) of a
   * string is its first position + p - 1, so a string's positions are consecutive. A DFA state is the set of positions alive, as a bitset of
   * `words` 32-bit words; its successor on a class is one shift-and over the words (Shift-And).
   */
  private readonly words: number;
  /** Per class, bitsets (`words` each): positions that go on past it, positions that complete a string on it, positions that strings start in it. */
  private readonly advance: Int32Array;
  private readonly complete: Int32Array;
  private readonly starts: Int32Array;
  /** Per position, the clause it completes (-1: none); per class, the clauses one-character strings complete on it. */
  private readonly posDone: Int32Array;
  private readonly startDone: number[][];
  /** States' positions (`words` per state) and the clauses each completes on entry (null: none). */
  private bits = new Int32Array(0);
  private outputs: Array<number[] | null> = [];
  /**
   * Per state, the indices of its non-zero words: a state holds a few of the positions, and its
   * successors are made from those words alone (with the start positions of the class).
   */
  private live: Int32Array[] = [];
  /** State ids by a hash of their positions and outputs. */
  private ids = new Map<number, number[]>();
  /** The successor being built (all zero between builds) and the indices of its non-zero words. */
  private readonly scratch: Int32Array;
  private readonly touched: Int32Array;
  /** Per class, the indices of the non-zero words of its start positions. */
  private readonly startWords: Int32Array[];
  /**
   * next[state * classCount + class]: 0 not built yet; id + 1 for a state that completes no
   * string on entry; -(id + 1) for one that does (its outputs must be recorded). 16 bits: the
   * table is half the size, and stays in the processor's cache (states are capped well below 32,767).
   */
  private next = new Int16Array(0);
  private readonly flags: Uint8Array;
  private readonly maxStates: number;

  /**
   * `maxStates` bounds the states kept; the states' bitsets are also kept under `maxStateBytes`
   * (a ruleset with very many long strings keeps fewer states, and starts over more often).
   */
  constructor(clauses: ReadonlyArray<ReadonlyArray<ReadonlyArray<CharSet>>>, maxStates = 4096, maxStateBytes = 8 * 1024 * 1024) {
    if (maxStates > 32_000) throw new Error('ClassScanner: at most 32,000 states (transitions are 16-bit)');
    this.clauseCount = clauses.length;
    this.flags = new Uint8Array(clauses.length);
    const setIds = new Map<string, number>();
    clauses.forEach((clause, c) => {
      for (const str of clause) {
        const ids = str.map((set) => {
          const k = set.join(',');
          let id = setIds.get(k);
          if (id === undefined) {
            id = this.sets.length;
            this.sets.push(set);
            setIds.set(k, id);
          }
          return id;
        });
        if (ids.length > 0) this.strings.push({ sets: ids, clause: c });
      }
    });
    // elementary intervals: every range start and every range end + 1
    const cuts = new Set<number>([0]);
    for (const set of this.sets) for (let i = 0; i < set.length; i += 2) cuts.add(set[i] as number).add((set[i + 1] as number) + 1);
    this.bounds = [...cuts].sort((a, b) => a - b);
    this.boundClass = new Int32Array(this.bounds.length);
    const bySignature = new Map<string, number>();
    const signatures: number[][] = [];
    this.bounds.forEach((lo, i) => {
      const sig = this.sets.flatMap((set, k) => (contains(set, lo) ? [k] : []));
      const key = sig.join(',');
      let cls = bySignature.get(key);
      if (cls === undefined) {
        cls = signatures.length;
        signatures.push(sig);
        bySignature.set(key, cls);
      }
      this.boundClass[i] = cls;
    });
    const k = (this.classCount = signatures.length);
    for (let c = 0; c < 128; c++) this.asciiClass[c] = this.classAt(c);
    this.startClass = this.classAt(TEXT_START);
    this.endClass = this.classAt(TEXT_END);
    // each set's classes (a set holds a few of the classes: its strings' positions visit only those)
    const classesOf: number[][] = this.sets.map(() => []);
    signatures.forEach((sig, cls) => sig.forEach((set) => (classesOf[set] as number[]).push(cls)));
    const positions = this.strings.reduce((n, s) => n + s.sets.length - 1, 0);
    const w = (this.words = Math.max(1, (positions + 31) >>> 5));
    this.maxStates = Math.max(1, Math.min(maxStates, Math.floor(maxStateBytes / (w * 4))));
    this.scratch = new Int32Array(w);
    this.touched = new Int32Array(w);
    this.advance = new Int32Array(k * w);
    this.complete = new Int32Array(k * w);
    this.starts = new Int32Array(k * w);
    this.posDone = new Int32Array(positions).fill(-1);
    this.startDone = signatures.map(() => []);
    const setBit = (table: Int32Array, cls: number, pos: number) => {
      const i = cls * w + (pos >>> 5);
      table[i] = (table[i] as number) | (1 << (pos & 31));
    };
    let first = 0;
    for (const s of this.strings) {
      const last = s.sets.length - 1;
      for (const cls of classesOf[s.sets[0] as number] as number[]) {
        if (last === 0) {
          const done = this.startDone[cls] as number[];
          if (!done.includes(s.clause)) done.push(s.clause);
        } else setBit(this.starts, cls, first);
      }
      // position first + p - 1 has matched p sets and waits for set p
      for (let p = 1; p <= last; p++) {
        const pos = first + p - 1;
        if (p === last) this.posDone[pos] = s.clause;
        for (const cls of classesOf[s.sets[p] as number] as number[]) setBit(p === last ? this.complete : this.advance, cls, pos);
      }
      first += last;
    }
    this.startWords = signatures.map((_, cls) => nonZeroWords(this.starts.subarray(cls * w, (cls + 1) * w)));
    this.reset();
  }

  /**
   * Which clauses hold in `text`: flags[c] is 1 when clause c does. The array is the scanner's
   * own, reused by its next scan (allocating one per text costs more than the scan).
   */
  scan(text: string): Uint8Array {
    const flags = this.flags;
    flags.fill(0);
    if (this.strings.length === 0) return flags;
    let state = this.step(0, this.startClass, flags);
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff) {
        cp = text.codePointAt(i) as number;
        if (cp > 0xffff) i++;
      }
      state = this.move(state, cp, flags);
    }
    this.step(state, this.endClass, flags);
    return flags;
  }

  /** `scan` of the text held as UTF-16 units in `codes[0, n)` (a transform's output buffer), without making it a string. */
  scanCodes(codes: Uint16Array, n: number): Uint8Array {
    const flags = this.flags;
    flags.fill(0);
    if (this.strings.length === 0) return flags;
    let state = this.step(0, this.startClass, flags);
    for (let i = 0; i < n; i++) {
      let cp = codes[i] as number;
      const low = cp >= 0xd800 && cp <= 0xdbff && i + 1 < n ? (codes[i + 1] as number) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 1024 + (low - 0xdc00) + 0x10000;
        i++;
      }
      state = this.move(state, cp, flags);
    }
    this.step(state, this.endClass, flags);
    return flags;
  }

  /** The state after code point `cp`: a known transition into a state that completes nothing is one look-up; anything else goes to `step`. */
  private move(state: number, cp: number, flags: Uint8Array): number {
    const cls = cp < 128 ? (this.asciiClass[cp] as number) : this.classAt(cp);
    const to = this.next[state * this.classCount + cls] as number;
    return to > 0 ? to - 1 : this.step(state, cls, flags);
  }

  private step(state: number, cls: number, flags: Uint8Array): number {
    const known = this.next[state * this.classCount + cls] as number;
    const to = known === 0 ? this.build(state, cls) : Math.abs(known) - 1;
    const outputs = this.outputs[to] as number[] | null;
    if (outputs !== null) for (const c of outputs) flags[c] = 1;
    return to;
  }

  private classAt(cp: number): number {
    let lo = 0;
    let hi = this.bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.bounds[mid] as number) <= cp) lo = mid;
      else hi = mid - 1;
    }
    return this.boundClass[lo] as number;
  }

  /** Makes the transition of state `from` on class `cls` (the state it leads to, made if new). */
  private build(from: number, cls: number): number {
    const w = this.words;
    const bits = this.bits;
    const next = this.scratch;
    const touched = this.touched;
    const at = from * w;
    const row = cls * w;
    const outputs: number[] = [];
    let count = 0;
    // the successor's words: each live word shifted on (its top bit carried into the next word)…
    const live = this.live[from] as Int32Array;
    for (let k = 0; k < live.length; k++) {
      const i = live[k] as number;
      const alive = bits[at + i] as number;
      const going = alive & (this.advance[row + i] as number);
      if (going !== 0) {
        const shifted = going << 1;
        if (shifted !== 0) {
          if (next[i] === 0) touched[count++] = i;
          next[i] = (next[i] as number) | shifted;
        }
        if (going >>> 31 !== 0 && i + 1 < w) {
          if (next[i + 1] === 0) touched[count++] = i + 1;
          next[i + 1] = (next[i + 1] as number) | 1;
        }
      }
      let done = alive & (this.complete[row + i] as number);
      while (done !== 0) {
        const low = done & -done;
        const clause = this.posDone[(i << 5) + 31 - Math.clz32(low)] as number;
        if (!outputs.includes(clause)) outputs.push(clause);
        done ^= low;
      }
    }
    // …and the strings that start on this class
    const starting = this.startWords[cls] as Int32Array;
    for (let k = 0; k < starting.length; k++) {
      const i = starting[k] as number;
      if (next[i] === 0) touched[count++] = i;
      next[i] = (next[i] as number) | (this.starts[row + i] as number);
    }
    for (const clause of this.startDone[cls] as number[]) if (!outputs.includes(clause)) outputs.push(clause);
    outputs.sort((x, y) => x - y);
    const out = outputs.length === 0 ? null : outputs;
    const h = hashState(next, touched, count, out);
    let id = this.find(next, touched, count, out, h);
    if (id < 0 && this.outputs.length >= this.maxStates) {
      // bounded memory: start over, keeping only the state being left
      for (let k = 0; k < count; k++) next[touched[k] as number] = 0;
      const source = bits.slice(at, at + w);
      this.reset();
      return this.build(this.intern(source, live, null), cls);
    }
    if (id < 0) id = this.add(next, touched, count, out, h);
    for (let k = 0; k < count; k++) next[touched[k] as number] = 0;
    this.next[from * this.classCount + cls] = out === null ? id + 1 : -(id + 1);
    return id;
  }

  /** The state with these positions (non-zero in the `count` words listed in `words` only) and outputs, or -1. */
  private find(positions: Int32Array, words: Int32Array, count: number, outputs: number[] | null, h: number): number {
    const w = this.words;
    for (const id of this.ids.get(h) ?? []) {
      if ((this.live[id] as Int32Array).length !== count || !sameNumbers(this.outputs[id] ?? NONE, outputs ?? NONE)) continue;
      let same = true;
      for (let k = 0, at = id * w; k < count && same; k++) {
        const i = words[k] as number;
        same = this.bits[at + i] === positions[i];
      }
      if (same) return id;
    }
    return -1;
  }

  /** The id of the state with these positions (`words`: the indices of their non-zero words), made if new. */
  private intern(positions: Int32Array, words: Int32Array, outputs: number[] | null): number {
    const h = hashState(positions, words, words.length, outputs);
    const known = this.find(positions, words, words.length, outputs, h);
    return known >= 0 ? known : this.add(positions, words, words.length, outputs, h);
  }

  private add(positions: Int32Array, words: Int32Array, count: number, outputs: number[] | null, h: number): number {
    const id = this.outputs.length;
    const w = this.words;
    if (this.bits.length < (id + 1) * w) {
      const grown = new Int32Array(Math.min(this.maxStates, Math.max(64, id * 2)) * w);
      grown.set(this.bits);
      this.bits = grown;
    }
    const live = words.slice(0, count);
    for (let k = 0; k < count; k++) this.bits[id * w + (live[k] as number)] = positions[live[k] as number] as number;
    this.live.push(live);
    this.outputs.push(outputs === null ? null : outputs.slice());
    const bucket = this.ids.get(h);
    if (bucket === undefined) this.ids.set(h, [id]);
    else bucket.push(id);
    if (this.next.length < this.outputs.length * this.classCount) {
      const grown = new Int16Array(Math.max(this.classCount * 64, this.next.length * 2));
      grown.set(this.next);
      this.next = grown;
    }
    return id;
  }

  private reset(): void {
    this.bits = new Int32Array(0);
    this.outputs = [];
    this.live = [];
    this.ids = new Map();
    this.next = new Int16Array(0);
    this.intern(new Int32Array(this.words), new Int32Array(0), null);
  }

  /** States made so far (tests, the memory bound). */
  get stateCount(): number {
    return this.outputs.length;
  }
}

const NONE: readonly number[] = [];

/** A hash of a state's positions (the `count` words at the indices in `words`, in any order) and outputs. */
function hashState(positions: Int32Array, words: Int32Array, count: number, outputs: number[] | null): number {
  let sum = count;
  for (let k = 0; k < count; k++) {
    const i = words[k] as number;
    sum = (sum + Math.imul(Math.imul(i + 1, 0x9e3779b1) ^ (positions[i] as number), 0x85ebca6b)) | 0;
  }
  let h = Math.imul(0x811c9dc5 ^ sum, 0x01000193);
  for (const o of outputs ?? NONE) h = Math.imul(h ^ o, 0x01000193);
  return h;
}

/** The indices of the non-zero words of `bits`. */
function nonZeroWords(bits: Int32Array): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < bits.length; i++) if (bits[i] !== 0) out.push(i);
  return Int32Array.from(out);
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function contains(set: CharSet, cp: number): boolean {
  for (let i = 0; i < set.length; i += 2) if (cp >= (set[i] as number) && cp <= (set[i + 1] as number)) return true;
  return false;
}

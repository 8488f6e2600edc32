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
  /** member[set * classCount + class]: the class lies in the set. */
  private readonly member: Uint8Array;
  /** NFA position ids: position p of string s is `base[s] + p` (p ≥ 1: that many sets matched). */
  private readonly base: number[] = [];
  /** Per position: the set its next character must be in, and the clause it completes then (-1: none). */
  private readonly posSet: number[] = [];
  private readonly posDone: number[] = [];
  /** Per string: the clause its first character completes (one-character strings), else -1. */
  private readonly startDone: number[] = [];
  /** Per class, the strings whose first set holds it. */
  private readonly starters: number[][];
  private states: Array<{ positions: number[]; outputs: number[] | null }> = [];
  /** State ids by a hash of their positions and outputs. */
  private ids = new Map<number, number[]>();
  /**
   * next[state * classCount + class]: 0 not built yet; id + 1 for a state that completes no
   * string on entry; -(id + 1) for one that does (its outputs must be recorded). 16 bits: the
   * table is half the size, and stays in the processor's cache (states are capped well below 32,767).
   */
  private next = new Int16Array(0);
  private readonly flags: Uint8Array;

  constructor(clauses: ReadonlyArray<ReadonlyArray<ReadonlyArray<CharSet>>>, private readonly maxStates = 4096) {
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
    this.classCount = signatures.length;
    for (let c = 0; c < 128; c++) this.asciiClass[c] = this.classAt(c);
    this.startClass = this.classAt(TEXT_START);
    this.endClass = this.classAt(TEXT_END);
    this.member = new Uint8Array(this.sets.length * this.classCount);
    signatures.forEach((sig, cls) => sig.forEach((set) => (this.member[set * this.classCount + cls] = 1)));
    this.starters = signatures.map((_, cls) => this.strings.flatMap((s, i) => (this.member[(s.sets[0] as number) * this.classCount + cls] === 1 ? [i] : [])));
    for (const s of this.strings) {
      this.base.push(this.posSet.length - 1);
      this.startDone.push(s.sets.length === 1 ? s.clause : -1);
      for (let p = 1; p < s.sets.length; p++) {
        this.posSet.push(s.sets[p] as number);
        this.posDone.push(p + 1 === s.sets.length ? s.clause : -1);
      }
    }
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
    const outputs = (this.states[to] as { outputs: number[] | null }).outputs;
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

  private build(from: number, cls: number): number {
    const source = (this.states[from] as { positions: number[] }).positions;
    const member = this.member;
    const k = this.classCount;
    const outputs: number[] = [];
    // partial matches that go on (their positions stay in order), then those that start here
    const advanced: number[] = [];
    for (const pos of source) {
      if (member[(this.posSet[pos] as number) * k + cls] !== 1) continue;
      const done = this.posDone[pos] as number;
      if (done < 0) advanced.push(pos + 1);
      else if (!outputs.includes(done)) outputs.push(done);
    }
    const started: number[] = [];
    for (const s of this.starters[cls] as number[]) {
      const done = this.startDone[s] as number;
      if (done < 0) started.push((this.base[s] as number) + 1);
      else if (!outputs.includes(done)) outputs.push(done);
    }
    const positions = mergeSorted(advanced, started);
    outputs.sort((x, y) => x - y);
    const out = outputs.length === 0 ? null : outputs;
    let id = this.find(positions, out);
    if (id < 0) {
      if (this.states.length >= this.maxStates) {
        // bounded memory: start over, keeping only the state being entered
        this.reset();
        return this.build(this.intern(source, null), cls);
      }
      id = this.intern(positions, out);
    }
    this.next[from * k + cls] = out === null ? id + 1 : -(id + 1);
    return id;
  }

  private find(positions: number[], outputs: number[] | null): number {
    for (const id of this.ids.get(hashState(positions, outputs)) ?? []) {
      const st = this.states[id] as { positions: number[]; outputs: number[] | null };
      if (sameNumbers(st.positions, positions) && sameNumbers(st.outputs ?? [], outputs ?? [])) return id;
    }
    return -1;
  }

  private intern(positions: number[], outputs: number[] | null): number {
    const known = this.find(positions, outputs);
    if (known >= 0) return known;
    const id = this.states.length;
    this.states.push({ positions, outputs });
    const h = hashState(positions, outputs);
    const bucket = this.ids.get(h);
    if (bucket === undefined) this.ids.set(h, [id]);
    else bucket.push(id);
    if (this.next.length < this.states.length * this.classCount) {
      const grown = new Int16Array(Math.max(this.classCount * 64, this.next.length * 2));
      grown.set(this.next);
      this.next = grown;
    }
    return id;
  }

  private reset(): void {
    this.states = [];
    this.ids = new Map();
    this.next = new Int16Array(0);
    this.intern([], null);
  }

  /** States made so far (tests, the memory bound). */
  get stateCount(): number {
    return this.states.length;
  }
}

function mergeSorted(a: number[], b: number[]): number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as number) < (b[j] as number))) out.push(a[i++] as number);
    else out.push(b[j++] as number);
  }
  return out;
}

function hashState(positions: number[], outputs: number[] | null): number {
  let h = 0x811c9dc5;
  for (const p of positions) h = Math.imul(h ^ p, 0x01000193);
  h = Math.imul(h ^ 0xffff, 0x01000193);
  for (const o of outputs ?? []) h = Math.imul(h ^ o, 0x01000193);
  return h;
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

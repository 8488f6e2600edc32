import type { TransformerContainer } from 'obscenity';
import { textOfCodes } from './normalize/utf16';

type Stateful = { transform(cp: number): number | undefined; reset(): void };

/** Repeats fed to a stateful transformer to learn how many of a run it keeps. */
const PROBE = 32;

/**
 * How many characters of a run of `cp` a collapse-duplicates transformer keeps (its threshold), or
 * null when its answers do not follow that shape (keep the first k of a run, drop the rest, start
 * again at a new character) — then the chain calls it for every character, as obscenity does.
 * `PROBE` means "at least PROBE": longer runs of that character are given to the transformer itself.
 */
function threshold(t: Stateful, cp: number): number | null {
  t.reset();
  let kept = 0;
  for (let i = 0; i < PROBE; i++) {
    const out = t.transform(cp);
    if (out === undefined) continue;
    if (out !== cp || kept !== i) return null; // kept after a drop, or changed: not a threshold
    kept++;
  }
  // a different character in between starts a new run
  t.transform(cp === 0x30 ? 0x31 : 0x30);
  const again = t.transform(cp);
  t.reset();
  return (kept > 0 ? again === cp : again === undefined) ? kept : null;
}

/**
 * A chain of obscenity transformers (the simple, per-character ones, then at most one stateful
 * collapse of repeats) run over a text, with the map back to the original offsets — what
 * obscenity's matcher does per character with a chain of function calls, done with a table for
 * ASCII and the collapse's thresholds learnt from the transformer itself.
 */
export class TransformChain {
  private readonly simple: Array<(cp: number) => number | undefined> = [];
  private readonly stateful: Stateful | null = null;
  /** The simple transformers' result per ASCII code point (-1: dropped). */
  private readonly ascii = new Int32Array(128);
  private readonly other = new Map<number, number>();
  /** Learnt thresholds of ASCII characters (-2: not learnt yet). */
  private readonly asciiKeep = new Int32Array(128).fill(-2);
  /** Collapse thresholds learnt per code point; null when the transformer is called directly. */
  private readonly thresholds: Map<number, number> | null;
  /** Output buffers of `applyInto` (one input unit gives at most two output units). */
  codes = new Uint16Array(256);
  origins = new Int32Array(256);

  constructor(containers: readonly TransformerContainer[]) {
    let seenStateful = false;
    for (const c of containers) {
      if ('transform' in c) {
        if (seenStateful) throw new Error('obscenity transformers: a simple transformer after a stateful one is not supported');
        this.simple.push(c.transform);
      } else {
        if (seenStateful) throw new Error('obscenity transformers: more than one stateful transformer is not supported');
        seenStateful = true;
        this.stateful = c.factory();
      }
    }
    for (let c = 0; c < 128; c++) this.ascii[c] = this.mapSimple(c);
    this.thresholds = this.stateful === null || threshold(this.stateful, 0x61) === null ? null : new Map();
  }

  private mapSimple(cp: number): number {
    let out: number | undefined = cp;
    for (const fn of this.simple) {
      out = fn(out);
      if (out === undefined) return -1;
    }
    return out;
  }

  private simpleOf(cp: number): number {
    if (cp < 128) return this.ascii[cp] as number;
    let out = this.other.get(cp);
    if (out === undefined) {
      out = this.mapSimple(cp);
      if (this.other.size < 65536) this.other.set(cp, out);
    }
    return out;
  }

  /** Threshold of `cp`, learnt once; -1 when the transformer does not behave as a threshold for it. */
  private keepOf(cp: number): number {
    if (cp < 128) {
      let k = this.asciiKeep[cp] as number;
      if (k === -2) k = this.asciiKeep[cp] = threshold(this.stateful as Stateful, cp) ?? -1;
      return k;
    }
    const map = this.thresholds as Map<number, number>;
    let k = map.get(cp);
    if (k === undefined) {
      k = threshold(this.stateful as Stateful, cp) ?? -1;
      if (map.size < 65536) map.set(cp, k);
    }
    return k;
  }

  /** The transformed text and, per UTF-16 unit of it, the original offset of its code point. */
  apply(input: string): { text: string; origin: number[] } {
    const n = this.applyInto(input);
    if (n < 0) return this.applyDirect(input);
    return { text: textOfCodes(this.codes, n), origin: Array.from(this.origins.subarray(0, n)) };
  }

  /**
   * The transformed text as UTF-16 units in `codes[0, n)` and their original offsets in
   * `origins[0, n)`, both the chain's own buffers (reused by its next call; no text is made);
   * returns n, or -1 when the stateful transformer must be called for every character
   * (`applyDirect`).
   */
  applyInto(input: string): number {
    if (this.codes.length < input.length * 2) {
      this.codes = new Uint16Array(input.length * 2);
      this.origins = new Int32Array(input.length * 2);
    }
    const codes = this.codes;
    const origins = this.origins;
    const t = this.stateful;
    const model = this.thresholds !== null;
    t?.reset();
    let n = 0;
    let last = -1;
    let run = 0;
    let keep = 0;
    for (let i = 0; i < input.length; ) {
      const at = i;
      let cp = input.charCodeAt(i++);
      if (cp >= 0xd800 && cp <= 0xdbff && i < input.length) {
        const low = input.charCodeAt(i);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = (cp - 0xd800) * 1024 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      let out = this.simpleOf(cp);
      if (out === -1) continue;
      if (t !== null) {
        if (model) {
          if (out === last) run++;
          else {
            last = out;
            run = 1;
            keep = this.keepOf(out);
          }
          // an unlearnt character, or a run longer than the probe: the transformer decides
          if (keep < 0 || (keep >= PROBE && run >= PROBE)) {
            t.reset();
            return -1;
          }
          if (run > keep) continue;
        } else {
          const o = t.transform(out);
          if (o === undefined) continue;
          out = o;
        }
      }
      if (out > 0xffff) {
        codes[n] = ((out - 0x10000) >> 10) + 0xd800;
        origins[n++] = at;
        codes[n] = ((out - 0x10000) & 0x3ff) + 0xdc00;
      } else codes[n] = out;
      origins[n++] = at;
    }
    t?.reset();
    return n;
  }

  /** The chain with the stateful transformer called for every character, as obscenity does (what `apply` falls back to when `applyInto` gives -1). */
  applyDirect(input: string): { text: string; origin: number[] } {
    const t = this.stateful as Stateful;
    t.reset();
    let text = '';
    const origin: number[] = [];
    for (let i = 0; i < input.length; ) {
      const at = i;
      const cp = input.codePointAt(i) as number;
      i += cp > 0xffff ? 2 : 1;
      const simple = this.simpleOf(cp);
      if (simple === -1) continue;
      const out = t.transform(simple);
      if (out === undefined) continue;
      text += String.fromCodePoint(out);
      while (origin.length < text.length) origin.push(at);
    }
    t.reset();
    return { text, origin };
  }
}

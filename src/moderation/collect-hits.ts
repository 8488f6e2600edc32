import { EntryKind, type CompiledPattern, type CompiledRule, type CompiledRuleset, type PatternView } from './compiled';
import { findEnglishProfanity, readsEnglish } from './english';
import { findFrom } from './find-matches';
import { foldCodePoint } from './normalize/fold-char';
import { tokenSpan } from './normalize/pipeline';
import { runValidator } from './pdp-validators';
import { matchForms, scanWords } from './term-index';
import type { Hit, TextViews } from './text-views';

/** Everything the rules found in one text, grouped by rule index. */
export interface RuleHits {
  terms: Map<number, Hit[]>;
  allow: Map<number, Hit[]>;
  near: Map<number, Hit[]>;
}

function push(map: Map<number, Hit[]>, rule: number, hit: Hit): void {
  const list = map.get(rule);
  if (list === undefined) map.set(rule, [hit]);
  else list.push(hit);
}

/** One pass of the term index over the words. */
export function collectWordHits(ruleset: CompiledRuleset, views: TextViews): RuleHits {
  const forms = views.n.tokens.map((t) => matchForms(t.raw, ruleset.variants, ruleset.vocabulary, ruleset.wordCache));
  const result: RuleHits = { terms: new Map(), allow: new Map(), near: new Map() };
  for (const { entry, a, b } of scanWords(ruleset.trie, forms)) {
    const hit = views.hitFromTokens(a, b, `t${entry.term}`);
    const target = entry.kind === EntryKind.Term ? result.terms : entry.kind === EntryKind.Allow ? result.allow : result.near;
    push(target, entry.rule, hit);
  }
  return result;
}

/** Which gate clauses hold in each view of the text (one scan per view, only when some pattern needs it). */
interface GateFlags {
  text: Uint8Array | null;
  words: Uint8Array | null;
}

/** The clauses that hold in one view, scanned the first time a pattern asks. */
function viewFlags(view: PatternView, ruleset: CompiledRuleset, views: TextViews, flags: GateFlags): Uint8Array {
  return (flags[view] ??= ruleset.gates[view].scan(view === 'words' ? views.wordsText() : views.n.folded.text));
}

function gateHolds(p: CompiledPattern, ruleset: CompiledRuleset, views: TextViews, flags: GateFlags): boolean {
  if (p.gate.length === 0) return true;
  // a words-view gate whose letters are not even in the folded text cannot hold: the words view is not made
  if (p.shadow >= 0 && !views.spacedOut() && viewFlags('text', ruleset, views, flags)[p.shadow] === 0) return false;
  const held = viewFlags(p.view, ruleset, views, flags);
  for (const c of p.gate) if (held[c] === 0) return false;
  return true;
}

/** Runs one pattern; returns `hits` with its matches added (made when the first one is found). */
function runPattern(p: CompiledPattern, views: TextViews, found: Hit[] | null): Hit[] | null {
  let hits = found;
  const subject = p.view === 'words' ? views.wordsText() : views.n.folded.text;
  // findFrom asks the lazy DFA first (one linear pass): a text the gate lets through often has no
  // match, and re2js's matcher would run its backtracker from every position to learn that.
  // With a capture group, the first group is the span (a way round the missing look-behind).
  for (let m = findFrom(p.re, subject, 0); m !== null; m = findFrom(p.re, subject, m[1] as number)) {
    const [start, end] = m as [number, number];
    if (end <= start) break;
    const group = m.length > 2 && (m[2] as number) >= 0;
    const s = group ? (m[2] as number) : start;
    const e = group ? (m[3] as number) : end;
    if (e <= s) continue;
    const matched = subject.slice(s, e);
    if (p.validate !== undefined && !runValidator(p.validate, matched)) continue;
    const hit = p.view === 'words' ? views.hitFromWords(s, e, matched) : views.hitFromFolded(s, e, matched);
    if (hit.end > hit.start) (hits ??= []).push(hit);
  }
  return hits;
}

/** Fancy code points in `text[from, to)`: math/enclosed/fullwidth/look-alike letters and stacks of 2+ marks. */
function fancyIn(text: string, from: number, to: number): number {
  let count = 0;
  let marks = 0;
  for (let i = from; i < to; ) {
    const cp = text.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    if (cp < 128) {
      marks = 0;
      continue;
    }
    // accented Latin letters (and text decoded with the wrong charset: Ã, ð, Ø) are not decoration;
    // regional indicators are flags (emoji), not letters
    if (cp < 0x250 || (cp >= 0x1f1e6 && cp <= 0x1f1ff)) continue;
    const folded = foldCodePoint(cp);
    if (folded.fancy) count++;
    if (folded.mark) {
      if (++marks === 2) count++;
    } else marks = 0;
  }
  return count;
}

/**
 * A decorated word written like an ordinary word: one fancy font throughout (no plain letters
 * mixed in), no digits, and lower-case letters (𝐒𝐚𝐫𝐚𝐡, 𝓫𝓪𝓰𝓾𝓼). Brands are pasted in capitals,
 * with digits or with styles mixed (𝐏𝐑0𝐁𝐄𝐓𝟖𝟓𝟓, 𝘈GU𝙎𝙏𝑂, ＰＵＬＡＵＷＩＮ).
 */
function styledWord(text: string, from: number, to: number): boolean {
  let lower = false;
  for (const ch of text.slice(from, to).normalize('NFKC')) {
    const c = ch.charCodeAt(0);
    if (c >= 48 && c <= 57) return false;
    if (c >= 97 && c <= 122) lower = true;
  }
  if (!lower) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/** Most decorated words a text may have for them to read as a brand set off from plain text. */
const FANCY_MAX_WORDS = 3;
const DECORATED_WORD = /^[a-z0-9]*[a-z][a-z0-9]*$/;

/**
 * `fancy`: decorated letters (math bold, fullwidth, enclosed, look-alikes, mark stacks) count only
 * as a brand set off from plain text: one to three decorated words of 3+ Latin letters/digits next
 * to at least one plain word. A text written wholly in a fancy font (a greeting, a poem, an insult)
 * is style, not promotion, and so is a decorated word another family's terms already name
 * (𝐠𝐨𝐛𝐥𝐨𝐤 is kasar's business).
 */
function fancyHits(rule: CompiledRule, ruleset: CompiledRuleset, views: TextViews, wordHits: ReadonlyMap<number, number>, found: RuleHits): Hit[] {
  const { n } = views;
  if (n.folded.fancy < 3) return [];
  const decorated: number[] = [];
  let plain = 0;
  n.tokens.forEach((t, i) => {
    const span = tokenSpan(n, t);
    const fancy = fancyIn(n.original, span.start, span.end);
    if (fancy === 0) {
      if (/[a-z]/.test(t.raw)) plain++;
      // a single odd letter is an accent or a look-alike slip, not decoration
    } else if (fancy >= 2 && t.raw.length >= 3 && DECORATED_WORD.test(t.raw) && !styledWord(n.original, span.start, span.end)) decorated.push(i);
  });
  if (plain === 0 || decorated.length === 0 || decorated.length > FANCY_MAX_WORDS) return [];
  const family = rule.category.split('.')[0];
  const named = new Set<number>();
  // only the word pass's hits: pattern hits of rules run before this one must not change the answer
  for (const [index, count] of wordHits) {
    if ((ruleset.rules[index] as CompiledRule).category.split('.')[0] === family) continue;
    for (const h of (found.terms.get(index) ?? []).slice(0, count)) for (let k = h.a; k >= 0 && k <= h.b; k++) named.add(k);
  }
  return decorated.filter((i) => !named.has(i)).map((i) => views.hitFromTokens(i, i, `fancy${i}`));
}

function signalHits(rule: CompiledRule, ruleset: CompiledRuleset, views: TextViews, wordHits: ReadonlyMap<number, number> | null, found: RuleHits): Hit[] {
  const { n } = views;
  if (rule.signal === 'fancy') return wordHits === null ? [] : fancyHits(rule, ruleset, views, wordHits, found);
  // repeat: the same word six or more times in a row (floods; "bisa bisa bisa bisa" is emphasis)
  const hits: Hit[] = [];
  let run = 1;
  for (let i = 1; i <= n.tokens.length; i++) {
    if (i < n.tokens.length && n.tokens[i]?.raw === n.tokens[i - 1]?.raw) run++;
    else {
      if (run >= 6) hits.push(views.hitFromTokens(i - run, i - 1, `repeat${i}`));
      run = 1;
    }
  }
  return hits;
}

function englishHits(views: TextViews, language: string | undefined): Hit[] {
  if (!readsEnglish(views.n.tokens, language, views.n.folded.text)) return [];
  return findEnglishProfanity(views.n.original).map((found) => views.hitFromOriginal(found.start, found.end, found.word));
}

/** Runs the rules that do not come from the term index: patterns, signals, the English matcher. */
export function collectOtherHits(ruleset: CompiledRuleset, views: TextViews, into: RuleHits, language: string | undefined): void {
  let english: Hit[] | null = null;
  const flags: GateFlags = { text: null, words: null };
  // how many hits each rule had from the word pass, taken only when the fancy signal can fire
  const wordHits = views.n.folded.fancy >= 3 ? new Map([...into.terms].map(([k, v]) => [k, v.length])) : null;
  const screens = ruleset.screens;
  // the text view's clauses, read first for every pattern's screen (a shadow screen does not hold
  // for a word joined from spaced-out letters: then only the words view can tell)
  const textFlags = screens.length > 0 ? viewFlags('text', ruleset, views, flags) : null;
  const spaced = views.spacedOut();
  let k = 0;
  for (const index of ruleset.alwaysRules) {
    const rule = ruleset.rules[index] as CompiledRule;
    // most rules find nothing in most texts: their hit list is only made when they do
    let hits: Hit[] | null = null;
    const patterns = rule.patterns;
    for (let j = 0; j < patterns.length; j++) {
      const screen = screens[k++] as number;
      if (screen >= 0 && (textFlags as Uint8Array)[screen] === 0 && !(spaced && (patterns[j] as CompiledPattern).view === 'words')) continue;
      const p = patterns[j] as CompiledPattern;
      if (p.minDigits > 0 && views.digitCount() < p.minDigits) continue;
      if (gateHolds(p, ruleset, views, flags)) hits = runPattern(p, views, hits);
    }
    if (rule.signal !== undefined) {
      const signalled = signalHits(rule, ruleset, views, wordHits, into);
      if (signalled.length > 0) hits = [...(hits ?? []), ...signalled];
    }
    if (rule.source === 'obscenity') {
      english ??= englishHits(views, language);
      if (english.length > 0) hits = [...(hits ?? []), ...english];
    }
    if (hits !== null) for (const hit of hits) push(into.terms, index, hit);
  }
}

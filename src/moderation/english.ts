import {
  RegExpMatcher,
  SyntaxKind,
  englishDataset,
  englishRecommendedBlacklistMatcherTransformers,
  resolveConfusablesTransformer,
  toAsciiLowerCaseTransformer,
  type BlacklistedTerm,
  type Node,
  type ParsedPattern,
  type TransformerContainer,
} from 'obscenity';
import type { Token } from './normalize/tokenize';

/**
 * English profanity through obscenity's English dataset and transformers, behind two gates:
 * a cheap pre-check derived from the dataset itself (does the text contain anything one of its
 * patterns could match?) and a language guard (does the text read as English rather than
 * Indonesian?). obscenity's list fires on innocent Indonesian words (cuma ⊃ cum, tinggal ⊃ ngga,
 * penistaan ⊃ penis, sementara ⊃ semen…): those are whitelisted in the matcher itself, with
 * obscenity's own whitelist mechanism, so they never become hits.
 */

/**
 * Indonesian words (and names) that obscenity's English patterns hit, by the English word whose
 * pattern hits them. Whitelisted terms are substrings: a match lying wholly inside one is dropped
 * by obscenity. "ngga" covers the whole -ngga- family (nggak, tinggal, hingga, anggaran, Tenggara,
 * bangga, tetangga, unggas…); the n-word itself is not inside it.
 */
export const INDONESIAN_WHITELIST: Readonly<Record<string, readonly string[]>> = {
  nigger: ['ngga', 'ngger'],
  cum: ['cuma', 'cumi', 'cumpah', 'cumlaude', 'cum laude'],
  penis: ['penista', 'penisilin'],
  semen: ['sementa', 'semena', 'semenj', 'semeni', 'semen padang', 'semen gresik', 'semen indonesia', 'harga semen', 'pabrik semen'],
  anal: ['analis', 'kanal'],
  rape: ['rapet', 'rapel', 'raperda'],
  ass: ['asslm', 'assmu', 'ass wr', 'ass. wr', 'ass.wr', 'assli', 'assegaf', 'assy'],
  anus: ['sanus', 'ianus'],
  boonga: ['boongan'],
  dick: ['dicky', 'dicki', 'dickson'],
  fuck: ['fkip', 'fkm', 'fkg', 'fk ui', 'fk un', 'fk ugm'],
  arse: ['arseto'],
};

/**
 * The whitelist's transformers: look-alike letters resolved, ASCII lower case, and obscenity's own
 * collapse of repeated letters (the one its blacklist uses), so that "Aassalamualaikum",
 * "Asssliii", "Kaanal" or a math-bold "𝐀𝐬𝐬𝐚𝐥𝐚𝐦" meet their whitelisted term as the blacklist
 * meets "ass" or "anal" in them. No leet: obscenity whitelists "45s" as written.
 */
function whitelistTransformers(): TransformerContainer[] {
  return [resolveConfusablesTransformer(), toAsciiLowerCaseTransformer(), ...englishRecommendedBlacklistMatcherTransformers.filter((c) => 'factory' in c)];
}

/** Runs text through obscenity transformers, as its matcher does. */
export function applyTransformers(text: string, containers: readonly TransformerContainer[]): string {
  const fns = containers.map((c) => {
    if ('transform' in c) return c.transform;
    const t = c.factory();
    t.reset();
    return (cp: number) => t.transform(cp);
  });
  let out = '';
  for (const ch of text) {
    let cp: number | undefined = ch.codePointAt(0) as number;
    for (const fn of fns) {
      if (cp === undefined) break;
      cp = fn(cp);
    }
    if (cp !== undefined) out += String.fromCodePoint(cp);
  }
  return out;
}

let whitelisted: string[] | null = null;

/** Every whitelisted term, obscenity's and ours, spelled as the whitelist transformers see text. */
export function englishWhitelist(): readonly string[] {
  if (whitelisted === null) {
    const chain = whitelistTransformers();
    const terms = [...(englishDataset.build().whitelistedTerms ?? []), ...Object.values(INDONESIAN_WHITELIST).flat()];
    whitelisted = [...new Set(terms.map((t) => applyTransformers(t, chain)))];
  }
  return whitelisted;
}

let matcher: RegExpMatcher | null = null;

function getMatcher(): RegExpMatcher {
  matcher ??= new RegExpMatcher({
    blacklistedTerms: englishDataset.build().blacklistedTerms,
    whitelistedTerms: [...englishWhitelist()],
    blacklistMatcherTransformers: englishRecommendedBlacklistMatcherTransformers,
    whitelistMatcherTransformers: whitelistTransformers(),
  });
  return matcher;
}

// ---- the pre-check, derived from the dataset ----------------------------------------------

type CharMap = (codePoint: number) => number | undefined;

/** The per-character (simple) transformers of obscenity's blacklist chain: confusables, leet, case. */
function simpleChain(containers: readonly TransformerContainer[]): CharMap {
  const fns = containers.flatMap((c) => ('transform' in c ? [c.transform] : []));
  return (cp) => {
    let out: number | undefined = cp;
    for (const fn of fns) {
      if (out === undefined) return undefined;
      out = fn(out);
    }
    return out;
  };
}

const PROBE = 6;

/** Repeats of a run that the collapse keeps, per character code; ascii[c], and `other` for the rest. */
interface Thresholds {
  ascii: number[];
  other: number;
}

/**
 * How many repeats of a character the stateful transformers (collapse-duplicates) keep, learnt by
 * feeding them runs. Null when a stateful transformer does something else than dropping repeats:
 * then the pre-check cannot mirror it and lets every text through.
 */
function runThresholds(containers: readonly TransformerContainer[]): Thresholds | null {
  const stateful = containers.flatMap((c) => ('factory' in c ? [c.factory()] : []));
  const probe = (c: number): number | null => {
    let kept = PROBE;
    for (const t of stateful) {
      t.reset();
      let n = 0;
      for (let i = 0; i < PROBE; i++) {
        const out = t.transform(c);
        if (out === undefined) continue;
        if (out !== c) return null;
        n++;
      }
      t.reset();
      kept = Math.min(kept, n);
    }
    return kept;
  };
  const ascii: number[] = [];
  for (let c = 0; c < 128; c++) {
    const kept = probe(c);
    if (kept === null) return null;
    ascii.push(kept);
  }
  const other = probe(0x436); // a letter obscenity has no threshold of its own for
  return other === null ? null : { ascii, other };
}

/** The collapse as regex replacements, one per threshold: `([chars])\1{k,}` → k copies. */
function collapseRules(t: Thresholds): Array<[RegExp, string]> {
  const byKeep = new Map<number, string>();
  t.ascii.forEach((keep, code) => {
    if (keep < PROBE) byKeep.set(keep, (byKeep.get(keep) ?? '') + String.fromCharCode(code).replace(/[\\\]^-]/g, '\\$&'));
  });
  const rules: Array<[RegExp, string]> = [];
  for (const [keep, chars] of byKeep) rules.push([new RegExp(`([${chars}])\\1{${keep},}`, 'g'), '$1'.repeat(keep)]);
  if (t.other < PROBE) rules.push([new RegExp(`([\\u0080-\\u{10ffff}])\\1{${t.other},}`, 'gu'), '$1'.repeat(t.other)]);
  return rules;
}

const SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;
const NON_ASCII = /[\u0080-\u{10ffff}]/u;
const NON_ASCII_ALL = /[\u0080-\u{10ffff}]/gu;

function nodeSource(node: Node): string {
  if (node.kind === SyntaxKind.Literal) return String.fromCodePoint(...node.chars).replace(SPECIAL, '\\$&');
  if (node.kind === SyntaxKind.Wildcard) return '[\\s\\S]';
  return `(?:${nodeSource(node.childNode)})?`;
}

/** One obscenity pattern as a regex source, as obscenity itself compiles it. */
export function precheckSource(p: ParsedPattern): string {
  return (p.requireWordBoundaryAtStart ? '\\b' : '') + p.nodes.map(nodeSource).join('') + (p.requireWordBoundaryAtEnd ? '\\b' : '');
}

/** The skeleton of a text, and whether it is also exactly what obscenity's whitelist sees. */
interface Skeleton {
  text: string;
  /** No leet character and no non-ASCII character that the transformers change. */
  plain: boolean;
}

interface Alternative {
  re: RegExp;
  /** Whitelisted terms inside which this pattern can match: the only ones that can excuse its match. */
  whitelist: string[];
}

/**
 * A cheap test that is true whenever obscenity's matcher would find something in a text, built from
 * the dataset, the whitelist and the transformers themselves, so it cannot drift from them: the
 * text goes through obscenity's per-character transformers (confusables, leet, ASCII case; a table
 * for ASCII) and its collapse of repeats (thresholds learnt from the transformer), then one regex
 * joining every dataset pattern is tried once, where obscenity runs one regex per pattern with
 * offset bookkeeping. When it matches, each match is checked against the whitelisted terms that can
 * contain it ("analysis" ⊃ analy, "cuma"), as obscenity does, when the text has no leet or changed
 * non-ASCII character (then the skeleton is exactly what the whitelist sees); otherwise it passes.
 */
export class EnglishPrecheck {
  readonly regex: RegExp;
  private readonly any: RegExp;
  private readonly alternatives: Alternative[];
  private readonly chain: CharMap;
  private readonly asciiMap = new Map<string, string>();
  private readonly asciiRe: RegExp;
  private readonly thresholds: Thresholds | null;
  /** One replace per threshold: runs longer than it of the characters that have it, cut to it. */
  private readonly collapse: Array<[RegExp, string]> | null;

  constructor(terms: readonly BlacklistedTerm[], transformers: readonly TransformerContainer[], whitelist: readonly string[] = []) {
    const sources = [...new Set(terms.map((t) => precheckSource(t.pattern)))];
    this.regex = new RegExp(sources.join('|'));
    this.any = new RegExp(sources.join('|'), 'g');
    this.alternatives = sources.map((src) => {
      const re = new RegExp(src);
      return { re: new RegExp(src, 'y'), whitelist: whitelist.filter((w) => re.test(w)) };
    });
    this.chain = simpleChain(transformers);
    this.thresholds = runThresholds(transformers);
    // ASCII: the chain as a table, applied after toLowerCase (checked equal to the chain itself)
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      const out = this.mapped(c);
      const lower = ch.toLowerCase();
      if (this.mapped(lower.charCodeAt(0)) !== out) throw new Error(`obscenity's transformers treat ${JSON.stringify(ch)} and ${JSON.stringify(lower)} differently`);
      if (out !== lower) this.asciiMap.set(lower, out);
    }
    const chars = [...this.asciiMap.keys()].map((k) => k.replace(SPECIAL, '\\$&')).join('');
    this.asciiRe = chars === '' ? /(?!)/g : new RegExp(`[${chars}]`, 'g');
    this.collapse = this.thresholds === null ? null : collapseRules(this.thresholds);
  }

  private mapped(cp: number): string {
    const out = this.chain(cp);
    return out === undefined ? '' : String.fromCodePoint(out);
  }

  /** The text as obscenity's blacklist transformers turn it. */
  skeleton(text: string): string {
    return this.transform(text).text;
  }

  private transform(text: string): Skeleton {
    let plain = true;
    let s = text;
    if (NON_ASCII.test(text)) {
      s = text.replace(NON_ASCII_ALL, (ch) => {
        const out = this.mapped(ch.codePointAt(0) as number);
        if (out !== ch || ch.toLowerCase() !== ch) plain = false;
        return out;
      });
    }
    s = s.toLowerCase();
    if (this.asciiMap.size > 0) {
      this.asciiRe.lastIndex = 0;
      if (this.asciiRe.test(s)) {
        plain = false;
        s = s.replace(this.asciiRe, (ch) => this.asciiMap.get(ch) ?? ch);
      }
    }
    if (this.collapse === null) return { text: s, plain: false };
    for (const [re, keep] of this.collapse) s = s.replace(re, keep);
    return { text: s, plain };
  }

  /** True when obscenity may find a match in the text; never false when it would. */
  test(text: string): boolean {
    if (this.thresholds === null) return true;
    const { text: sk, plain } = this.transform(text);
    if (!this.regex.test(sk)) return false;
    if (!plain) return true;
    // every position where some pattern matches, every pattern there, as obscenity would see it
    const any = this.any;
    any.lastIndex = 0;
    for (let m = any.exec(sk); m !== null; m = any.exec(sk)) {
      const at = m.index;
      for (const alt of this.alternatives) {
        alt.re.lastIndex = at;
        const found = alt.re.exec(sk);
        if (found !== null && !isWhitelisted(sk, at, at + found[0].length, alt.whitelist)) return true;
      }
      any.lastIndex = at + 1;
    }
    return false;
  }
}

/** Whether `[start, end)` lies inside an occurrence of a whitelisted term, found as obscenity finds them. */
function isWhitelisted(text: string, start: number, end: number, terms: readonly string[]): boolean {
  for (const term of terms) {
    let from = 0;
    for (let i = text.indexOf(term, from); i !== -1 && i <= start; i = text.indexOf(term, from)) {
      if (i + term.length >= end) return true;
      from = i + term.length;
    }
  }
  return false;
}

let precheck: EnglishPrecheck | null = null;

/** The pre-check for obscenity's English dataset, built on first use. */
export function englishPrecheck(): EnglishPrecheck {
  precheck ??= new EnglishPrecheck(englishDataset.build().blacklistedTerms, englishRecommendedBlacklistMatcherTransformers, englishWhitelist());
  return precheck;
}

// ---- the language guard ------------------------------------------------------------------

const EN_STOPWORDS = new Set('you u ur your are is the a an this that what i it of to and in for on with be was not no do does so just my me he she they we them his her all fucking'.split(' '));
const ID_STOPWORDS = new Set(
  ('yang di dan ini itu ke dari tidak gak nggak ga enggak aja saja sudah udah ada untuk dengan juga kalau kalo karena jadi mau bisa harus lebih akan sama pak bu kita kami saya gue gw lu lo kamu dia mereka apa kok sih dong deh nya atau tapi belum masih baru cuma hanya banget sangat para oleh pada dalam ' +
    'yg dgn utk tdk gk jg klo krn sdh udh bgt emang aku kau nih tuh gitu lagi orang bukan buat punya seperti liat lihat cuman sambil ' +
    'gila acara semua banyak kalian memang sekali terus lalu kenapa gimana bagaimana')
    .split(' '),
);

/**
 * Decides from the words whether the text may be English: the caller's language when given,
 * otherwise no more distinct Indonesian function words than English ones, and at least one
 * English one unless there is no Indonesian one either ("Karate bitch" is English; so is a tweet
 * of slurs alone). Distinct words, so that a run of mojibake "u u u" counts once; an Indonesian word
 * inside an @handle (`folded`: the folded text the tokens index) does not count.
 */
export function readsEnglish(tokens: Token[], language: string | undefined, folded?: string): boolean {
  if (language === 'en') return true;
  if (language === 'id') return false;
  const en = new Set<string>();
  const id = new Set<string>();
  for (const t of tokens) {
    if (EN_STOPWORDS.has(t.raw)) en.add(t.raw);
    else if (ID_STOPWORDS.has(t.raw) && !(folded !== undefined && inHandle(folded, t.from))) id.add(t.raw);
  }
  return id.size === 0 || en.size > id.size;
}

/** True when the word at `from` is part of an @handle (@dan_bernstein, @SelfMadee_YG). */
function inHandle(folded: string, from: number): boolean {
  for (let i = from - 1; i >= 0 && from - i <= 30; i--) {
    const c = folded.charCodeAt(i);
    if (c === 64) return true;
    const word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
    if (!word) return false;
  }
  return false;
}

/**
 * Decides whether the English matcher may run: the text reads as English (word look-ups, the
 * cheaper test, first) and the pre-check says obscenity may find something.
 */
export function looksEnglish(original: string, tokens: Token[], language: string | undefined, folded?: string): boolean {
  return readsEnglish(tokens, language, folded) && englishPrecheck().test(original);
}

/** An English profanity hit, in original-text offsets. */
export interface EnglishHit {
  start: number;
  end: number;
  word: string;
}

/** Runs obscenity (with the Indonesian whitelist) on the original text. */
export function findEnglishProfanity(original: string): EnglishHit[] {
  const m = getMatcher();
  return m.getAllMatches(original, true).map((match) => {
    const meta = englishDataset.getPayloadWithPhraseMetadata(match).phraseMetadata;
    return { start: match.startIndex, end: match.endIndex + 1, word: meta?.originalWord ?? '' };
  });
}

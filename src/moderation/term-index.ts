import { EntryKind, type TermEntry, type TrieNode } from './compiled';
import { affixStems, isPlainWord, spelledForm, squeezeRepeats } from './normalize/lexical';

/**
 * Splits a term or phrase into the lexical forms of its words. A word the slang dictionary knows as
 * written (before repeats are squeezed) takes its canonical form, as in `wordForms`, so that a term
 * "nigger" means the slur and not Niger, its squeezed form.
 */
export function termWords(term: string, variants: ReadonlyMap<string, string>): string[] {
  return term
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}@$*]+/u)
    .filter((w) => w.length > 0)
    .map((w) => {
      const leet = spelledForm(w);
      const lex = squeezeRepeats(leet);
      return variants.get(leet) ?? variants.get(lex) ?? lex;
    });
}

/** Adds a term/phrase for a rule to the trie. Returns false when the term has no words. */
export function addTerm(trie: Map<string, TrieNode>, words: string[], entry: TermEntry): boolean {
  if (words.length === 0) return false;
  let level = trie;
  let node: TrieNode | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    node = level.get(word);
    if (node === undefined) {
      node = { next: null, entries: null };
      level.set(word, node);
    }
    if (i < words.length - 1) {
      if (node.next === null) node.next = new Map();
      level = node.next;
    }
  }
  if (node === undefined) return false;
  if (node.entries === null) node.entries = [];
  if (!node.entries.some((e) => e.rule === entry.rule && e.kind === entry.kind)) node.entries.push(entry);
  return true;
}

/**
 * A copy of a word that does not point into the comment it was cut from: V8 keeps a slice of 13 or
 * more characters as a view of the whole text, so a memo key kept its comment alive, past the
 * memo's byte bound (which counts the word only).
 */
function detached(word: string): string {
  // a shorter slice is a copy already
  return word.length < 13 ? word : word.split('').join('');
}

const NO_FORMS: string[] = [];

/**
 * A word's spelled form (leet and "2" reduplication undone), its lexical form (repeats squeezed
 * too) and its slang canonical form, looked up by the spelled form, then the lexical one. Most
 * words are plain: both forms are the word itself, learnt in one pass and looked up once.
 */
function baseForms(raw: string, variants: ReadonlyMap<string, string>): { leet: string; lex: string; canonical: string | undefined } {
  const plain = isPlainWord(raw);
  const leet = plain ? raw : spelledForm(raw);
  const lex = plain ? raw : squeezeRepeats(leet);
  return { leet, lex, canonical: variants.get(leet) ?? (lex === leet ? undefined : variants.get(lex)) };
}

/**
 * The forms of a word the term index can meet: `wordForms` kept to the ruleset's vocabulary (the
 * words of its terms, allow phrases and markers; no other form can be a trie key at any depth), in
 * the same order, so the trie finds exactly what it finds with every form, in fewer look-ups. Most
 * real words meet no term and share one empty list. Memoised in `cache`, bounded.
 */
export function matchForms(raw: string, variants: ReadonlyMap<string, string>, vocabulary: ReadonlySet<string>, cache: Map<string, string[]>): string[] {
  // long words are rare in real text and each would cost its length in memory: computed, never kept;
  // short words have no affix stems: their forms cost less to make than a look-up in a large memo
  const memo = raw.length >= 5 && raw.length <= WORD_MEMO_MAX_LENGTH;
  if (memo) {
    const cached = cache.get(raw);
    if (cached !== undefined) return cached;
  }
  if (raw.length < 5) return shortForms(raw, variants, vocabulary);
  let forms = NO_FORMS;
  for (const f of wordForms(raw, variants, vocabulary)) if (vocabulary.has(f)) (forms === NO_FORMS ? (forms = []) : forms).push(f);
  if (memo) remember(cache, raw, forms);
  return forms;
}

/**
 * `matchForms` of a word under five characters, the most common kind: `wordForms` gives it no
 * affix stems, only its lexical form and its slang canonical form (twice the same word when the
 * dictionary maps it to itself, as there), so the two are looked up without making any list
 * unless one of them is in the vocabulary.
 */
function shortForms(raw: string, variants: ReadonlyMap<string, string>, vocabulary: ReadonlySet<string>): string[] {
  const { lex, canonical } = baseForms(raw, variants);
  const lexKnown = vocabulary.has(lex);
  const canonicalKnown = canonical !== undefined && vocabulary.has(canonical);
  if (!lexKnown) return canonicalKnown ? [canonical] : NO_FORMS;
  return canonicalKnown ? [lex, canonical] : [lex];
}

function remember(cache: Map<string, string[]>, raw: string, forms: string[]): void {
  const bytes = memoBytes(raw, forms);
  const used = (memoUsage.get(cache) ?? 0) + bytes;
  if (cache.size >= WORD_CACHE_LIMIT || used > WORD_CACHE_BYTES) {
    cache.clear();
    memoUsage.set(cache, bytes);
  } else memoUsage.set(cache, used);
  cache.set(detached(raw), forms);
}

/** The memo is bounded in entries and in (estimated) bytes; past either it starts over. */
const WORD_CACHE_LIMIT = 100_000;
export const WORD_CACHE_BYTES = 16 * 1024 * 1024;
/** Words longer than this are not memoised (a 10,000-character word would otherwise stay ~36 KB). */
export const WORD_MEMO_MAX_LENGTH = 40;
/** Estimated bytes per memo, beside each memo map (the ruleset's type stays a plain Map). */
const memoUsage = new WeakMap<Map<string, string[]>, number>();
const memoBytes = (raw: string, forms: string[]) => 80 + raw.length * 2 + forms.reduce((n, f) => n + 32 + f.length * 2, 0);

/** Estimated bytes held by a word memo (tests, docs/reliability.md). */
export function wordMemoBytes(cache: Map<string, string[]>): number {
  return memoUsage.get(cache) ?? 0;
}

/**
 * Every form under which a word can match a term: its lexical form, its slang
 * canonical form, and the same for each affix-stripped stem.
 */
export function wordForms(raw: string, variants: ReadonlyMap<string, string>, vocabulary: ReadonlySet<string>): string[] {
  const { leet, lex, canonical } = baseForms(raw, variants);
  const forms = [lex];
  if (canonical !== undefined) forms.push(canonical);
  if (lex.length < 5) return forms;
  // affixes are cut from the squeezed form and, when squeezing merged a letter of the affix
  // into the stem (kebodohannya → kebodohanya), from the unsqueezed one too
  const stems = leet === lex || leet.length > 64 ? affixStems(lex) : [...affixStems(lex), ...affixStems(leet).map(squeezeRepeats)];
  for (const stem of stems) {
    if (vocabulary.has(stem) && !forms.includes(stem)) forms.push(stem);
    const v = variants.get(stem);
    if (v !== undefined && !forms.includes(v)) forms.push(v);
  }
  return forms;
}

/** A match of a trie entry on words `[a, b]` (inclusive token indices). */
export interface WordHit {
  entry: TermEntry;
  a: number;
  b: number;
}

/**
 * One pass over the words: at each word, walk the trie as far as the following
 * words allow. Cost grows with the text and the phrase length, not the number of terms.
 */
export function scanWords(trie: ReadonlyMap<string, TrieNode>, forms: string[][]): WordHit[] {
  const hits: WordHit[] = [];
  for (let i = 0; i < forms.length; i++) {
    for (const form of forms[i] as string[]) {
      const node = trie.get(form);
      if (node !== undefined) walk(node, i, i, forms, hits);
    }
  }
  return hits;
}

/** From a trie node reached on words [a, b], every entry on the way as far as the next words allow. */
function walk(node: TrieNode, a: number, b: number, forms: string[][], hits: WordHit[]): void {
  if (node.entries !== null) for (const entry of node.entries) hits.push({ entry, a, b });
  if (node.next === null || b + 1 >= forms.length) return;
  for (const form of forms[b + 1] as string[]) {
    const child = node.next.get(form);
    if (child !== undefined) walk(child, a, b + 1, forms, hits);
  }
}

export { EntryKind };

import {
  englishDataset,
  englishRecommendedBlacklistMatcherTransformers,
  resolveConfusablesTransformer,
  toAsciiLowerCaseTransformer,
  type BlacklistedTerm,
  type TransformerContainer,
} from 'obscenity';
import { EnglishMatcher } from './english-matcher';
import { TransformChain } from './transform-chain';
import type { Token } from './normalize/tokenize';

/**
 * English profanity through obscenity's English dataset and transformers, behind a language guard
 * (does the text read as English rather than Indonesian?); the matching itself is
 * `EnglishMatcher`, which finds what obscenity's matcher finds in one sweep. obscenity's list fires on innocent Indonesian words (cuma ⊃ cum, tinggal ⊃ ngga,
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

let whitelisted: string[] | null = null;

/** Every whitelisted term, obscenity's and ours, spelled as the whitelist transformers see text. */
export function englishWhitelist(): readonly string[] {
  if (whitelisted === null) {
    const chain = new TransformChain(whitelistTransformers());
    const terms = [...(englishDataset.build().whitelistedTerms ?? []), ...Object.values(INDONESIAN_WHITELIST).flat()];
    whitelisted = [...new Set(terms.map((t) => chain.apply(t).text))];
  }
  return whitelisted;
}

/** What obscenity's own matcher would be built from: the dataset, both whitelists, the transformers. */
export function englishMatcherOptions(): {
  blacklistedTerms: BlacklistedTerm[];
  whitelistedTerms: string[];
  blacklistMatcherTransformers: TransformerContainer[];
  whitelistMatcherTransformers: TransformerContainer[];
} {
  return {
    blacklistedTerms: englishDataset.build().blacklistedTerms,
    whitelistedTerms: [...englishWhitelist()],
    blacklistMatcherTransformers: englishRecommendedBlacklistMatcherTransformers,
    whitelistMatcherTransformers: whitelistTransformers(),
  };
}

let matcher: EnglishMatcher | null = null;

function getMatcher(): EnglishMatcher {
  if (matcher === null) {
    const o = englishMatcherOptions();
    matcher = new EnglishMatcher(o.blacklistedTerms, o.whitelistedTerms, o.blacklistMatcherTransformers, o.whitelistMatcherTransformers);
  }
  return matcher;
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
  // one look-up per word, and the distinct words counted by marks (no set made per text)
  let en = 0;
  let id = 0;
  for (const t of tokens) {
    const k = STOPWORD_IDS.get(t.raw);
    if (k === undefined || stopwordSeen[k] === 1) continue;
    if (k < EN_COUNT) en++;
    else if (!(folded !== undefined && inHandle(folded, t.from))) id++;
    else continue;
    stopwordSeen[k] = 1;
    stopwordsMarked.push(k);
  }
  for (const k of stopwordsMarked) stopwordSeen[k] = 0;
  stopwordsMarked.length = 0;
  return id === 0 || en > id;
}

/** Every stop word with an id: the English ones first (`< EN_COUNT`); a word in both lists counts as English. */
const STOPWORD_IDS = new Map<string, number>();
for (const w of EN_STOPWORDS) STOPWORD_IDS.set(w, STOPWORD_IDS.size);
const EN_COUNT = STOPWORD_IDS.size;
for (const w of ID_STOPWORDS) if (!STOPWORD_IDS.has(w)) STOPWORD_IDS.set(w, STOPWORD_IDS.size);
const stopwordSeen = new Uint8Array(STOPWORD_IDS.size);
const stopwordsMarked: number[] = [];

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

/** An English profanity hit, in original-text offsets. */
export interface EnglishHit {
  start: number;
  end: number;
  word: string;
}

let words: Map<number, string> | null = null;

/** The dataset word a term id stands for ("fuck" for every spelling of it). */
function wordOf(termId: number): string {
  words ??= new Map(
    englishDataset.build().blacklistedTerms.map((t) => [t.id, englishDataset.getPayloadWithPhraseMetadata({ termId: t.id, startIndex: 0, endIndex: 0, matchLength: 0 }).phraseMetadata?.originalWord ?? '']),
  );
  return words.get(termId) ?? '';
}

/** Finds what obscenity's English matcher finds (with the Indonesian whitelist) in the original text. */
export function findEnglishProfanity(original: string): EnglishHit[] {
  return getMatcher()
    .getAllMatches(original)
    .map((match) => ({ start: match.startIndex, end: match.endIndex + 1, word: wordOf(match.termId) }));
}

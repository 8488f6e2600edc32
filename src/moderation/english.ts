import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { lexicalForm } from './normalize/lexical';
import type { Token } from './normalize/tokenize';

/**
 * English profanity through obscenity's English dataset and transformers, behind a guard:
 * obscenity's list fires on innocent Indonesian words (cuma ⊃ cum, tinggal, analisis, penistaan,
 * sementara, seksama…), so it only runs on text that reads as English and that contains a
 * word starting like one of its root words, and a hit on an Indonesian word is discarded.
 */

let matcher: RegExpMatcher | null = null;

function getMatcher(): RegExpMatcher {
  if (matcher === null) matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return matcher;
}

/**
 * Roots of obscenity's English words, used to decide cheaply whether running obscenity is worth
 * it. Long roots match as prefixes of a word's lexical form (leet undone, repeats squeezed);
 * short ones (ass, tit, anal…) only as the whole word or with an English ending, because as
 * prefixes they hit assess, title, analysis.
 */
const PREFIX_ROOTS = 'fuck fuk fck fuq fvck phuck shit bitch cunt slut wank jizz whore pusy dildo nig bastard blowjob bob retard masturbat ejaculat felatio gangbang handjob hentai bolock butplug chingchong deepthroat dogystyle africon arabush abed bonga bestiality lubejob incest orgasm trany vagina penis semen spastic hoker fisting felch'.split(' ');
const WORD_ROOTS = new Set('as arse ase tit tits cum sex anal anus pis porn rape scat orgy dick cock turd twat kike prick dyke cuck fag faget negro az'.split(' '));
const ENDINGS = ['', 's', 'es', 'ed', 'ing', 'er', 'y', 'hole', 'holes', 'face', 'head', 'hat', 'wipe', 'ty', 'ie', 'ies'];

const BY_START = new Map<string, { prefixes: string[]; words: boolean }>();
for (const r of PREFIX_ROOTS) {
  const e = BY_START.get(r.slice(0, 2)) ?? { prefixes: [], words: false };
  e.prefixes.push(r);
  BY_START.set(r.slice(0, 2), e);
}
for (const r of WORD_ROOTS) {
  const e = BY_START.get(r.slice(0, 2)) ?? { prefixes: [], words: false };
  e.words = true;
  BY_START.set(r.slice(0, 2), e);
}

function startsWithRoot(word: string): boolean {
  const entry = BY_START.get(word.slice(0, 2));
  if (entry === undefined) return false;
  for (const r of entry.prefixes) if (word.startsWith(r)) return true;
  if (!entry.words || word.length > 9) return false;
  for (const e of ENDINGS) if (word.endsWith(e) && WORD_ROOTS.has(word.slice(0, word.length - e.length))) return true;
  return false;
}

const EN_STOPWORDS = new Set('you u ur your are is the a an this that what i it of to and in for on with be was not no do does so just my me he she they we them his her all fucking'.split(' '));
const ID_STOPWORDS = new Set(
  'yang di dan ini itu ke dari tidak gak nggak ga enggak aja saja sudah udah ada untuk dengan juga kalau kalo karena jadi mau bisa harus lebih akan sama pak bu kita kami saya gue gw lu lo kamu dia mereka apa kok sih dong deh nya atau tapi belum masih baru cuma hanya banget sangat para oleh pada dalam'.split(' '),
);

/** Indonesian words obscenity's English list is known to hit; a hit inside one is ignored. */
export const INDONESIAN_GUARD = new Set(
  'cuma cumi nggak enggak tinggal hingga anggaran tenggara sementara semen penistaan penis analisis anal kanal seksama seks rapet rapat kontrol pantai santai spanduk pendidikan tittle titik jaringan masturbasi scan penisilin pengacara'.split(' '),
);

/** Decides from the words whether the English matcher may run. */
export function looksEnglish(tokens: Token[], language: string | undefined): boolean {
  if (language === 'id') return false;
  let candidate = false;
  for (const t of tokens) {
    if (t.raw.length >= 2 && startsWithRoot(lexicalForm(t.raw))) {
      candidate = true;
      break;
    }
  }
  if (!candidate) return false;
  if (language === 'en') return true;
  let en = 0;
  let id = 0;
  for (const t of tokens) {
    if (EN_STOPWORDS.has(t.raw)) en++;
    else if (ID_STOPWORDS.has(t.raw)) id++;
  }
  return en >= 1 && en > id;
}

/** A guarded English profanity hit, in original-text offsets. */
export interface EnglishHit {
  start: number;
  end: number;
  word: string;
}

/** Runs obscenity on the original text. The caller applies the Indonesian word guard. */
export function findEnglishProfanity(original: string): EnglishHit[] {
  const m = getMatcher();
  return m.getAllMatches(original, true).map((match) => {
    const meta = englishDataset.getPayloadWithPhraseMetadata(match).phraseMetadata;
    return { start: match.startIndex, end: match.endIndex + 1, word: meta?.originalWord ?? '' };
  });
}

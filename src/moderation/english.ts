import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
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

const ROOT_PREFIXES = new Set(
  ['abe', 'abo', 'afr', 'ana', 'anu', 'ara', 'ars', 'ass', 'bas', 'bes', 'bit', 'blo', 'bol', 'boo', 'but', 'chi', 'coc', 'cuc', 'cum', 'cun', 'dee', 'dic', 'dil', 'dog', 'dou', 'dyk', 'eja', 'fag', 'fel', 'fin', 'fis', 'fuc', 'fuk', 'fck', 'gan', 'han', 'hen', 'hoo', 'inc', 'jer', 'jiz', 'kik', 'lub', 'mas', 'neg', 'nig', 'org', 'pen', 'pis', 'por', 'pri', 'pus', 'rap', 'ret', 'sca', 'sem', 'sex', 'shi', 'sht', 'slu', 'spa', 'tit', 'tra', 'tur', 'twa', 'vag', 'wan', 'who', 'azz', 'phu', 'fvc'],
);

const EN_STOPWORDS = new Set('you your are is the a an this that what i it of to and in for on with be was not no do does so just my me he she they we them his her all fucking'.split(' '));
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
    if (t.raw.length >= 3 && ROOT_PREFIXES.has(t.raw.slice(0, 3))) candidate = true;
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

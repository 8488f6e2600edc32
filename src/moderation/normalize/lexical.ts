/**
 * Word-level transformers that turn a folded word into the forms the term index is
 * keyed by: `leet`, `squeeze-repeats`, `variants` (slang dictionary) and `affixes`.
 */

const LEET: Record<string, string> = { '4': 'a', '1': 'i', '0': 'o', '3': 'e', '5': 's', '7': 't', '@': 'a', $: 's', '6': 'g', '9': 'g', '8': 'b', '2': 'z' };

function hasLetter(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c > 127) return true;
  }
  return false;
}

function hasDigitOrSymbol(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 64 || c === 36) return true;
  }
  return false;
}

/**
 * `leet` transformer: digits and @/$ read as letters, only inside words that mix letters
 * and digits (4nj1ng, g0bl0k), so that prices, years and "7 7 7" stay numbers.
 */
export function undoLeet(word: string): string {
  if (!hasDigitOrSymbol(word) || !hasLetter(word)) return word;
  let out = '';
  for (const ch of word) out += LEET[ch] ?? ch;
  return out;
}

/** `squeeze-repeats` transformer: every run of the same letter becomes one (anjiiing → anjing, tinggal → tingal). */
export function squeezeRepeats(word: string): string {
  let repeated = false;
  for (let i = 1; i < word.length && !repeated; i++) repeated = word.charCodeAt(i) === word.charCodeAt(i - 1);
  if (!repeated) return word;
  let out = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] as string;
    if (ch !== last || (ch >= '0' && ch <= '9')) out += ch;
    last = ch;
  }
  return out;
}

const DIGIT_REDUPLICATION = /^([a-z]{3,})2([a-z]{0,4})$/;

/**
 * `reduplication-2` transformer: a "2" after a word repeats it (anak2 = anak-anak, tolol2in =
 * tolol-tolol-in), so it is dropped before leet would read it as "z".
 */
export function undoDigitReduplication(word: string): string {
  if (!word.includes('2')) return word;
  const m = DIGIT_REDUPLICATION.exec(word);
  return m === null ? word : `${m[1] ?? ''}${m[2] ?? ''}`;
}

/**
 * A word no word-level transformer changes: no digit, '@' or '$' (leet, "2" reduplication) and no
 * letter twice in a row (repeats). One pass, where the transformers take three to learn it.
 */
export function isPlainWord(word: string): boolean {
  let last = -1;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === last || (c >= 48 && c <= 57) || c === 64 || c === 36) return false;
    last = c;
  }
  return true;
}

/** A word as spelled, before repeats are squeezed: "2" reduplication and leet undone (the slang dictionary is looked up in this form too). */
export function spelledForm(word: string): string {
  return undoLeet(undoDigitReduplication(word));
}

/** The canonical lexical form of a word: "2" reduplication and leet undone, repeats squeezed. */
export function lexicalForm(word: string): string {
  return squeezeRepeats(spelledForm(word));
}

const SUFFIXES = ['nya', 'lah', 'kah', 'pun', 'mu', 'ku', 'in', 'an', 'kan', 'i'];
const PREFIXES = ['di', 'ke', 'se', 'ku', 'kau', 'ter', 'ber', 'nge', 'ng', 'me', 'mem', 'men', 'meng', 'pe', 'pen', 'peng'];
const MIN_STEM = 3;

/**
 * `affixes` transformer: candidate stems with Indonesian affixes removed
 * (-nya, -lah, -mu, -ku, -in, di-, ke-…-an, kebangsatan → bangsat). The word itself is not included.
 */
export function affixStems(word: string): string[] {
  const stems: string[] = [];
  const suffixFree: string[] = [];
  for (const s of SUFFIXES) {
    if (word.length - s.length >= MIN_STEM && word.endsWith(s)) suffixFree.push(word.slice(0, -s.length));
  }
  // a second suffix layer: anjingnya-lah is rare; -in-nya and -an-nya are not
  for (const w of suffixFree.slice()) {
    if (w.length - 2 >= MIN_STEM && (w.endsWith('in') || w.endsWith('an'))) suffixFree.push(w.slice(0, -2));
  }
  stems.push(...suffixFree);
  for (const p of PREFIXES) {
    if (!word.startsWith(p)) continue;
    if (word.length - p.length >= MIN_STEM) stems.push(word.slice(p.length));
    for (const w of suffixFree) if (w.startsWith(p) && w.length - p.length >= MIN_STEM) stems.push(w.slice(p.length));
  }
  return stems;
}

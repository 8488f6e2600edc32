/**
 * Look-alike letters that Unicode compatibility normalisation (NFKC/NFKD) leaves alone:
 * small caps, Greek and Cyrillic homoglyphs, enclosed/negative-squared letters.
 * Keys are code points, values the plain Latin letter they are used for.
 */
const SMALL_CAPS = 'ᴀa ʙb ᴄc ᴅd ᴇe ꜰf ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ǫq ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz';
const GREEK = 'αa βb γy δd εe ζz ηn θo ιi κk λl μu νv οo πn ρp σo ςs τt υu φf χx ψw ωw ' +
  'Αa Βb Εe Ζz Ηh Ιi Κk Μm Νn Οo Ρp Τt Υy Χx';
const CYRILLIC = 'аa бb вb гr дd еe ёe жx зz иu йu кk лn мm нh оo пn рp сc тt уy фf хx цu ' +
  'чy шw щw ъb ыbi ьb эe юio яr іi їi јj ѕs ԁd ӏl һh ԛq ԝw ' +
  'Аa Вb Еe Кk Мm Нh Оo Рp Сc Тt Уy Хx Іi Јj Ѕs';
const MISC = 'ıi ȷj ɑa ɡg ɩi ɪi ʋu ʟl ℓl øo Øo đd Đd łl Łl ßss æae Æae œoe Œoe þp ðd ¡i €e £l ¥y ©c ®r';

function parseTable(table: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const pair of table.split(' ')) {
    const cp = pair.codePointAt(0);
    if (cp === undefined) continue;
    map.set(cp, pair.slice(String.fromCodePoint(cp).length));
  }
  return map;
}

/** Code point → replacement for homoglyphs NFKC misses. */
export const LOOKALIKES: ReadonlyMap<number, string> = parseTable([SMALL_CAPS, GREEK, CYRILLIC, MISC].join(' '));

const A = 0x61;

/**
 * Letters from the "Enclosed Alphanumeric Supplement" block that have no compatibility
 * decomposition: negative circled (🅐), negative squared (🅰 🅿), regional indicators (🇦).
 */
export function foldEnclosedLetter(cp: number): string | undefined {
  if (cp >= 0x1f150 && cp <= 0x1f169) return String.fromCharCode(A + cp - 0x1f150);
  if (cp >= 0x1f170 && cp <= 0x1f189) return String.fromCharCode(A + cp - 0x1f170);
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return String.fromCharCode(A + cp - 0x1f1e6);
  if (cp >= 0x1f130 && cp <= 0x1f149) return String.fromCharCode(A + cp - 0x1f130);
  return undefined;
}

/** True for characters commenters use to dress text up: math alphanumerics, enclosed, fullwidth, look-alikes. */
export function isFancyCodePoint(cp: number): boolean {
  return (
    (cp >= 0x1d400 && cp <= 0x1d7ff) ||
    (cp >= 0x2460 && cp <= 0x24ff) ||
    (cp >= 0x1f100 && cp <= 0x1f1ff) ||
    (cp >= 0xff01 && cp <= 0xff5e) ||
    (cp >= 0x1d00 && cp <= 0x1d2b) ||
    cp === 0x20e3
  );
}

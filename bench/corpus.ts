/**
 * A generated corpus of news comments: Indonesian and English, 50–500 characters,
 * about 10% abusive, part of that disguised (leet, spacing, math bold, fullwidth, zero-width).
 * Deterministic for a given seed.
 */

/** Small deterministic PRNG (mulberry32). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID_SENTENCES = [
  'Pemerintah harus segera menuntaskan kasus korupsi ini sampai ke akar-akarnya.',
  'Harga beras di pasar naik lagi, rakyat kecil makin susah.',
  'Saya setuju dengan pendapat pengamat, diplomasi lebih baik daripada perang.',
  'Banjir di Jakarta makin parah tiap tahun, kapan ada solusi nyata?',
  'Liburan ke pantai sambil santai, lupakan dulu urusan partai.',
  'Anggaran pendidikan harus dinaikkan supaya sekolah di daerah tidak tertinggal.',
  'Tim nasional main bagus tadi malam, semoga lolos ke putaran final.',
  'Warga Cianjur masih butuh bantuan setelah gempa kemarin.',
  'Analisis ekonom cukup masuk akal, inflasi memang sedang tinggi.',
  'Polisi menangkap bandar judi online di Medan, semoga jaringannya ikut terbongkar.',
  'Kontrol harga BBM dari pemerintah kurang tepat sasaran menurut saya.',
  'Berita ini kurang lengkap, mohon redaksi tambahkan data pendukungnya.',
  'Masing-masing pihak punya kepentingan, jangan cepat menyimpulkan.',
  'Jalan tol baru memangkas waktu tempuh mudik tahun ini.',
  'Perusahaan asuransi menolak klaim warga, ini harus diusut.',
];
const EN_SENTENCES = [
  'The government should publish the full report before the election.',
  'I think the analysis in this article is fair but incomplete.',
  'Prices keep going up and wages are not keeping pace at all.',
  'Great reporting, thank you for covering the flood victims in detail.',
  'Diplomacy is always better than war, both sides should talk.',
  'The new toll road really cut my travel time during the holiday.',
  'This policy will hurt small businesses more than big companies.',
  'Where is the evidence for the claims made by the minister?',
];
const ABUSIVE = [
  'dasar anjing lu', 'goblok banget penulisnya', 'bangsat semua politisi itu', 'tolol-tolol amat',
  'slot gacor maxwin hari ini', 'pulau777 depo pulsa tanpa potongan', 'kntl lah', 'you are a fucking idiot',
  'gue tau rumah lo, tunggu gue bacok', 'hubungi 0812-3456-7890 open BO', 'usir semua orang cina, dasar kafir laknat',
  'transfer 5 juta atau videomu kusebar', 'cek http://bit.ly/promo sekarang', 'NIK dia 3578014503900002',
];

const BOLD_A = 0x1d41a;

function disguise(text: string, rnd: () => number): string {
  const kind = Math.floor(rnd() * 5);
  if (kind === 0) return text.replace(/a/g, '4').replace(/i/g, '1').replace(/o/g, '0');
  if (kind === 1) return text.split(' ')[0]?.split('').join(' ') + text.slice(text.indexOf(' '));
  if (kind === 2) return [...text].map((c) => (c >= 'a' && c <= 'z' ? String.fromCodePoint(BOLD_A + c.charCodeAt(0) - 97) : c)).join('');
  if (kind === 3) return [...text].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
  return [...text].join('\u200b');
}

function pick<T>(list: readonly T[], rnd: () => number): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

/** Generates `count` comments with ids. */
export function generateCorpus(count: number, seed = 42): Array<{ id: string; text: string }> {
  const rnd = createRandom(seed);
  const out: Array<{ id: string; text: string }> = [];
  for (let i = 0; i < count; i++) {
    const english = rnd() < 0.3;
    const target = 50 + Math.floor(rnd() * 451);
    let text = '';
    while (text.length < target) text += (text ? ' ' : '') + pick(english ? EN_SENTENCES : ID_SENTENCES, rnd);
    text = text.slice(0, target);
    if (rnd() < 0.1) {
      let bad = pick(ABUSIVE, rnd);
      if (rnd() < 0.4) bad = disguise(bad, rnd);
      const at = Math.floor(rnd() * text.length);
      text = `${text.slice(0, at)} ${bad} ${text.slice(at)}`.slice(0, 500);
    }
    out.push({ id: `c${i}`, text });
  }
  return out;
}

/** Pseudo-Indonesian words for growing the term list (ka-ri-mo-tu…), distinct and not real words. */
export function generateTerms(count: number, seed = 7): string[] {
  const rnd = createRandom(seed);
  const syllables = ['ka', 'ri', 'mo', 'tu', 'se', 'la', 'pe', 'no', 'gu', 'wi', 'da', 'zo', 'fe', 'xa', 'qi', 'vu'];
  const terms = new Set<string>();
  while (terms.size < count) {
    const n = 3 + Math.floor(rnd() * 3);
    let w = 'q';
    for (let i = 0; i < n; i++) w += pick(syllables, rnd);
    terms.add(w);
  }
  return [...terms];
}

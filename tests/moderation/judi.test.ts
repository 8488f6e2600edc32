import { moderate } from '../../src/moderation';
import { shippedRuleset } from './shipped-rules';

const ruleset = shippedRuleset();
const judiRules = (text: string): string[] =>
  moderate(ruleset, text)
    .reasons.filter((r) => r.category.startsWith('judi.'))
    .map((r) => r.ruleId);

// [what the row proves, text] — ordinary comments that must be approved with no reason at all
const approved: Array<[string, string]> = [
  ['"slot" and "deposit" in a parking comment', 'Slot parkir di mal penuh, deposit tiket dulu.'],
  ['"JP" and "RTP" in business news', 'Jadwal JP Morgan rilis laporan, RTP proyek MRT molor.'],
  ['"gacor" alone is slang for performing well', 'Mantap jiwa, gacor banget performa timnas malam ini!'],
  ['news about arresting a gambling boss', 'Polisi menangkap bandar judi online di Medan.'],
  ['news about blocking gambling sites', 'Pemerintah memblokir ribuan situs judi.'],
  ['a call to stamp out online gambling', 'Berantas judol sampai ke akar-akarnya!'],
  ['a short note on blocked sites', 'situs judi diblokir'],
  ['a greeting written wholly in math bold', '𝐒𝐞𝐥𝐚𝐦𝐚𝐭 𝐩𝐚𝐠𝐢'],
  ['praise written wholly in math bold', '𝐌𝐀𝐍𝐓𝐀𝐏 𝐒𝐄𝐊𝐀𝐋𝐈 𝐁𝐎𝐒'],
  ['a whole sentence in a monospace font', '𝙹𝚊𝚗𝚐𝚊𝚗 𝚕𝚞𝚙𝚊 𝚖𝚊𝚔𝚊𝚗 𝚜𝚒𝚊𝚗𝚐 𝚢𝚊'],
  ['a name in a script font inside a greeting', 'Selamat ulang tahun 𝓢𝓪𝓻𝓪𝓱, semoga sehat selalu'],
  ['a game title with a number near "main"', 'main fifa23 sampai pagi, menang terus'],
  ['news about gambling losses with money words', 'Banyak warga tergiur cuan judi online hingga saldo rekening habis.'],
  ['a phone model with a number near "main"', 'Baru beli iphone15 langsung main PUBG, mantap.'],
  ['"jam gacor" as a joke about sleep', 'Jam gacor anak kos: tidur jam 3 pagi.'],
  ['a rooster that crows well', 'Ayam jago gacor berkokok tiap pagi.'],
  ['a math-bold word in a plain greeting', 'Selamat pagi 𝐁𝐮𝐧𝐝𝐚, semoga sehat selalu.'],
  ['a Javanese name ending in -toto', 'Pak Sutoto ketua RT kami, orangnya baik.'],
  ['a bank name with an amount', 'JP Morgan rugi 2 miliar tahun ini.'],
  ['a flag emoji and accented letters', 'Café di Bandung ramai 🇮🇩🇮🇩🇮🇩'],
  ['a user name with a number', '@kancil88 makasih infonya, main bola yuk'],
  ['a year after a word', 'Pemilu2024 berjalan lancar, semoga menang yang terbaik'],
  ['a surname ending in -win', 'Teori evolusi Darwin dibahas di kelas.'],
  ['"kawin" with affixes', 'Mereka dikawinkan tahun lalu.'],
  ['a date with slashes', 'Tanggal 7/7/2024 kami menikah.'],
  ['an aircraft model', 'Boeing 777 mendarat darurat.'],
  ['a depot and a price', 'Depo kereta di Bekasi cuma 2 km dari sini, tiket 5 ribu.'],
];

// [what the row proves, text, rule expected to fire]
const promo: Array<[string, string, string]> = [
  ['a name spelled out letter by letter with digits', 'Baru daftar di ⭐ K A N C I L 2 1 ⭐ langsung dapet', 'judi.brand-spaced'],
  ['a name in bracket letters with digits', 'gas terus 【B】【O】【S】【3】【3】', 'judi.brand-spaced'],
  ['a -toto brand name', 'Rezeki lancar dari nagatoto, makasih min', 'judi.brand-shape'],
  ['a -slot brand name in capitals', 'bosen kerja, mending main di BERKAHSLOT', 'judi.brand-shape'],
  ['a -win brand spelled out', 'B I N T A N G W I N emang beda', 'judi.brand-shape'],
  ['a -hoki brand split into syllables', 'gas terus di NA GA HO KI pasti jp', 'judi.brand-shape'],
  ['777 spelled out in words', 'cuan dari Bin Tang Tujuh Tujuh Tujuh', 'judi.brand-shape'],
  ['777 written with slashes', 'yuk ke Bintang 7/7/7 sekarang', 'judi.brand-shape'],
  ['a brand number from the list', 'main di kancil88 wd cepat', 'judi.brand'],
  ['a name with a number near gambling talk', 'kancil21 pelunas utang, wd lancar', 'judi.brand-context'],
  ['a gambling word with a number glued on', 'main di RAJATOGEL62 aja', 'judi.brand-number'],
  ['a name between decorative emoji', 'gabung 🖤7BINTANG🖤 sekarang juga', 'judi.brand-wrapped'],
  ['a withdrawal with an amount in slang', 'alhamdulillah wede 12jt hari ini', 'judi.win-amount'],
  ['gacor next to slot vocabulary', 'jam segini slot lagi gacor bosku', 'judi.gacor-context'],
  ['promo slang pair', 'jepe terus, wede lancar bosku', 'judi.vocab-weak'],
  ['a strong promo phrase', 'modal receh, auto maxwin', 'judi.vocab-strong'],
  ['a decorated name pasted into plain text', 'Mood booster gue? Buka 🅺🅰🅽🅲🅸🅻 bentar.', 'judi.fancy-unicode'],
  ['a math-bold name pasted into plain text', 'rutin mampir ke 𝐊𝐀𝐍𝐂𝐈𝐋𝐊𝐔 tiap malam', 'judi.fancy-unicode'],
];

describe('judi rules', () => {
  it.each(approved)('when %s, then it is approved with no reason', (_name, text) => {
    const d = moderate(ruleset, text);
    expect(d.reasons).toEqual([]);
    expect(d.status).toBe('approved');
  });

  it.each(promo)('when %s, then %s fires', (_name, text, ruleId) => {
    expect(judiRules(text)).toContain(ruleId);
  });

  it('when a math-bold insult is the whole text, then kasar catches it and judi does not', () => {
    const d = moderate(ruleset, '𝐝𝐚𝐬𝐚𝐫 𝐠𝐨𝐛𝐥𝐨𝐤 𝐥𝐮');
    expect(d.reasons.map((r) => r.category)).toContain('kasar.directed');
    expect(judiRules('𝐝𝐚𝐬𝐚𝐫 𝐠𝐨𝐛𝐥𝐨𝐤 𝐥𝐮')).toEqual([]);
  });

  it('when a math-bold insult sits in plain words, then it is not read as a brand', () => {
    expect(judiRules('dasar 𝐠𝐨𝐛𝐥𝐨𝐤 lu')).toEqual([]);
  });

  it('when decorated letters are a brand, then the comment goes to review, not straight to rejection', () => {
    const d = moderate(ruleset, 'rutin mampir ke 𝐊𝐀𝐍𝐂𝐈𝐋𝐊𝐔 tiap malam');
    expect(d.status).toBe('pending');
  });
});

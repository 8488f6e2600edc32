import { moderate } from '../../src/moderation';
import { shippedRuleset } from './shipped-rules';

const ruleset = shippedRuleset();
const reasonsOf = (text: string) => moderate(ruleset, text).reasons;

// [what the row proves, text, rule id that must say why]
const caught: Array<[string, string, string]> = [
  // insults used without a second-person marker
  ['a strong insult with nobody addressed', 'anggota dewan goblok semua', 'kasar.insult'],
  ['dungu said of supporters', 'pendukungnya dungu', 'kasar.insult'],
  ['sontoloyo on its own', 'KPAI sontoloyo', 'kasar.insult'],
  ['kunyuk on its own', 'kunyuk emang', 'kasar.insult'],
  ['gila said of a group', 'Mundur kotanya.. gila warganya', 'kasar.insult-group'],
  ['bodoh on its own is only flagged', 'BODO banget perusahaan rugi dibeli', 'kasar.insult-mild'],
  ['setan on its own is only flagged', 'kelakuan setan', 'kasar.insult-mild'],
  // insulting constructions
  ['mulut sampah', 'Dasar si mulut sampah', 'kasar.insult'],
  ['muka tembok', 'muka tembok, ga malu juga', 'kasar.insult'],
  ['otak di dengkul, with -nya on otak', 'yang bikin ini otaknya di dengkul', 'kasar.insult'],
  ['ga punya otak', 'ga punya otak ya', 'kasar.insult'],
  ['an animal comparison', 'kelakuannya kayak monyet', 'kasar.insult-mild'],
  ['dasar kecoak', 'dasar kecoak', 'kasar.insult-mild'],
  ['a death wish', 'semoga cepat mati', 'kasar.insult-mild'],
  // morphology
  ['ter- superlative', 'tergoblok se-Indonesia', 'kasar.insult'],
  ['ke-…-an noun', 'kegoblokan mereka sudah kelewatan', 'kasar.insult'],
  ['ke-…-an-nya noun', 'minta kebodohannya dibikin viral', 'kasar.insult-mild'],
  ['nge-…-in verb', 'ngebodohin rakyat terus', 'kasar.insult-mild'],
  ['di-…-in verb', 'dibegoin terus', 'kasar.insult'],
  ['reduplication written with 2 and a suffix', 'tolol2in orang terus', 'kasar.insult'],
  ['reduplication with affixes', 'dibodoh-bodohin', 'kasar.insult-mild'],
  ['elongation inside the word', 'gooobloook', 'kasar.insult'],
  ['elongation at the end', 'bodoooh banget', 'kasar.insult-mild'],
  ['elongation of bangsat', 'bangsaaat', 'kasar.insult'],
  ['slang spelling bgsd', 'kocak lu bgsd', 'kasar.insult'],
  ['slang spelling gublok', 'gublokk gak usah banyak bicara', 'kasar.insult'],
  // evasions
  ['a right-to-left override is read as displayed', 'Dasar \u202egnijna\u202c lu', 'kasar.insult-aimed'],
  ['a spaced target word followed by a spaced marker', 'Dasar a n j i n g l u', 'kasar.insult-aimed'],
  ['an invisible separator glued between words', 'Dasar\u2063GOBLOK lu', 'kasar.insult'],
  ['vulgar words', 'dasar memek', 'kasar.vulgar'],
  ['political-camp name-calling is flagged', 'Presiden pilihan para cebong', 'kasar.camp-label'],
  ['the camp slur kencing onta', 'Kencing onta asli apa onta bonbin yg bagus?', 'kasar.camp-label'],
  ['Javanese intensified spelling guoblok', 'asset negara yg rugi guoblokk', 'kasar.insult'],
  ['alay said of people is only flagged', 'kpai mulai alay', 'kasar.insult-mild'],
  ['a dirty mind', 'lembaga KPI selalu berpikiran mesum', 'kasar.insult-mild'],
  ['ga becus about a person', 'Urusin anak aja ga becus, mau urusin rakyat.', 'kasar.insult-mild'],
  ['a negation does not hide an aimed insult', 'kamu itu bodoh, bukan pintar', 'kasar.insult-aimed'],
];

// [what the row proves, text]: published with no kasar reason
const innocent: Array<[string, string]> = [
  ['gila kerja is praise', 'Dia gila kerja, lembur tiap malam.'],
  ['a horror film about a devil', 'Film horor tentang setan laris di bioskop.'],
  ['plastic waste', 'Sampah plastik menumpuk di pantai.'],
  ['a neighbour country (jiran ⊃ jir)', 'Malaysia, negeri jiran, ikut membantu.'],
  ['Kutai is a regency (ku- + tai)', 'Banjir melanda Kutai Kartanegara.'],
  ['membabi buta is an idiom', 'Aparat menembak membabi buta.'],
  ['bodo amat is "whatever"', 'Bodo amat, yang penting kerja.'],
  ['a tadpole (kecebong ⊃ cebong)', 'Kecebong berubah jadi katak.'],
  ['the brain in science news', 'Otak manusia bekerja lebih keras saat tidur.'],
  ['one own foolishness', 'Itu kebodohan saya sendiri.'],
  ['a mole on the cheek', 'Ada tahi lalat di pipinya.'],
  ['Manchester United', 'Setan Merah menang 2-0 tadi malam.'],
  ['a sweet from Garut', 'Oleh-oleh dodol Garut laris.'],
  ['anak2 is reduplication, not a word with z', 'Anak2 bermain di taman.'],
  ['spaced initials that are not words', 'Dari D K I ke J a b a r.'],
  ['a negated bodoh', 'toh anak2 juga gak bodo, mereka tahu sponsornya'],
  ['bukan orang bodoh', 'Kami bukan orang bodoh pak presiden.'],
  ['a rubbish dump', 'urus tuh anak anak di pembuangan sampah, kalian'],
  ['sampah said of television', 'Sekarang sudah tidak nonton TV sampah semua isinya azab'],
  ['alay said of a show', 'Casting sinetron alay aja, KPI ga melarang kok'],
  ['a clown show', 'Anak-anak senang menonton pertunjukan badut di taman.'],
  ['criticism of how the country is run', 'padahal emang ga becus kelola negara'],
  ['crime reporting', 'Polisi menangkap pelaku perbuatan bejat terhadap anak tirinya.'],
  ['mesum in a crime report', 'Polisi menggerebek pasangan mesum di hotel.'],
  ['the ta\'awudz', 'Aku berlindung kepada Allah dari godaan setan yg terkutuk.'],
  ['a comedian', 'Awal kisah perseteruan Haji Bolot dan Malih Tongtong'],
  ['a film title', 'Kita belajar giat, bukan hanya untuk lulus ujian. -3 Idiot'],
];

describe('Indonesian abuse as readers write it', () => {
  it.each(caught)('when %s, then it is caught', (_name, text, ruleId) => {
    expect(reasonsOf(text).map((r) => r.ruleId)).toContain(ruleId);
  });

  it.each(innocent)('when %s, then no kasar reason is given', (_name, text) => {
    expect(reasonsOf(text).filter((r) => r.category.startsWith('kasar.'))).toEqual([]);
  });

  it('when an ambiguous word stands alone, then it is only flagged, never masked', () => {
    const d = moderate(ruleset, 'kelakuan setan');
    expect(d.action).toBe('flag');
    expect(d.maskedText).toBe('kelakuan setan');
  });

  it('when the bidi override hides a word, then the span points at the original characters', () => {
    const text = 'Dasar \u202egnijna\u202c lu';
    const reason = moderate(ruleset, text).reasons.find((r) => r.ruleId === 'kasar.insult-aimed');
    expect(reason?.spans.map((s) => s.text)).toEqual(expect.arrayContaining([expect.stringContaining('gnijna')]));
  });
});

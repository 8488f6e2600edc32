import { moderate } from '../../src/moderation';
import { shippedRuleset } from './shipped-rules';

const ruleset = shippedRuleset();
const saraRules = (text: string): string[] =>
  moderate(ruleset, text)
    .reasons.filter((r) => r.category.startsWith('sara.'))
    .map((r) => r.ruleId);

// [what the row proves, text, rule that must fire]
const caught: Array<[string, string, string]> = [
  ['slur after a group', 'Cina babi tuh yang bikin rusak negeri ini', 'sara.slur'],
  ['slur after a group with a copula', 'orang kafir itu memang bejat', 'sara.slur'],
  ['slur after a reduplicated group', 'Cina-cina itu BABI!!', 'sara.slur'],
  ['slur before a group', 'dasar babi cina', 'sara.slur'],
  ['racist slur against Papuans', 'monyet papua pulang sana', 'sara.slur'],
  ['Javanese slur word', 'CINA ASU', 'sara.slur'],
  ['leet on both words', 'c1na b4b1', 'sara.slur'],
  ['"dasar <group>"', 'dasar cina sipit', 'sara.slur'],
  ['"dasar orang <group>"', 'dasar orang madura', 'sara.slur'],
  ['"dasar" before a religion other than Islam', 'dasar kristen', 'sara.slur'],
  ['kafir as a predicate', 'Ahok cina kafir', 'sara.slur'],
  ['a religion called deviant', 'Syiah itu sesat', 'sara.slur'],
  ['women as a group', 'kaum wanita itu bodoh semua', 'sara.slur'],
  ['skin colour', 'orang hitam itu monyet', 'sara.slur'],
  ['fixed slur phrase', 'yahudi laknat', 'sara.slur'],
  ['group called vermin', 'Cina itu parasit di negeri ini', 'sara.dehumanise'],
  ['migrants called a pest', 'pendatang itu hama', 'sara.dehumanise'],
  ['LGBT called a disease', 'LGBT itu penyakit', 'sara.dehumanise'],
  ['disabled people called a burden', 'orang cacat itu cuma jadi beban', 'sara.dehumanise'],
  ['no copula needed for "perusak"', 'Cina perusak bangsa!!', 'sara.dehumanise'],
  ['a religion called terrorist', 'Islam agama teroris', 'sara.dehumanise'],
  ['terrorist before a religion', 'teroris budha', 'sara.dehumanise'],
  ['imperative expel', 'usir cina dari indonesia', 'sara.call-to-action'],
  ['imperative after the group', 'Cina usir aja semua dr Indonesia', 'sara.call-to-action'],
  ['"harus di-" call', 'LGBT harus dimusnahkan', 'sara.call-to-action'],
  ['spaced "di usir aja"', 'cina lg.. sebaiknya di usir aj', 'sara.call-to-action'],
  ['ganyang', 'ganyang aseng', 'sara.call-to-action'],
  ['"halal darahnya"', 'orang syiah halal darahnya', 'sara.call-to-action'],
  ['"tidak pantas tinggal"', 'Tionghoa tidak pantas tinggal di sini', 'sara.call-to-action'],
  ['"angkat kaki"', 'cina harus angkat kaki dari istana', 'sara.call-to-action'],
  ['nationality: go home', 'Pulang ke negaramu sana!', 'sara.expel'],
  ['nationality: go back to a country', 'pulang aja loe ke arab sana', 'sara.expel'],
  ['house of worship', 'ayo bakar gereja mereka', 'sara.attack-worship'],
  ['kafir aimed at you', 'diam lu kafir', 'sara.kafir-aimed'],
  ['puppet-master trope', 'dasar jongos cina', 'sara.lackey'],
  ['puppet-master trope, reduplicated', 'rezim antek-antek aseng', 'sara.lackey'],
];

// each must be approved, with no sara reason
const innocent: Array<[string, string]> = [
  ['two groups named neutrally', 'Warga Tionghoa dan Papua sama-sama warga negara Indonesia.'],
  ['a religious holiday', 'Umat Kristen merayakan Natal.'],
  ['houses of worship side by side', 'Masjid dan gereja berdampingan di kota ini.'],
  ['disability policy', 'Penyandang disabilitas mendapat kuota kerja.'],
  ['a positive stereotype', 'Orang Batak pandai bernyanyi.'],
  ['news: hate-speech arrest', 'Polisi menangkap pelaku ujaran kebencian terhadap etnis Tionghoa.'],
  ['news: arson condemned', 'MUI mengecam pembakaran masjid.'],
  ['news: arson investigated', 'Polisi menangkap pelaku yang membakar gereja di Aceh Singkil.'],
  ['news: bombing', 'Korban bom gereja Surabaya dimakamkan hari ini.'],
  ['the animal as food', 'Umat Islam dilarang makan daging babi.'],
  ['a farm', 'Warga Papua beternak babi sejak lama.'],
  ['a comma between the group and the animal', 'Dalam Islam, anjing itu najis jika air liurnya kena.'],
  ['a disease in a region', 'Di Papua penyakit malaria masih tinggi.'],
  ['a pest in a region', 'Hama tikus menyerang sawah petani di Jawa Tengah.'],
  ['rubbish in a region', 'Sampah di Jawa Barat menumpuk.'],
  ['a ritual with fire', 'Umat Hindu membakar ogoh-ogoh menjelang Nyepi.'],
  ['history told', 'Nazi memusnahkan orang-orang Yahudi di Eropa.'],
  ['a murder told', 'Pemuda etnis Tionghoa itu dibunuh preman pada 1965.'],
  ['deportation news', 'Ratusan TKA asal China dipulangkan ke negara asalnya.'],
  ['a trip home', 'Delegasi kembali ke China pekan depan.'],
  ['the prejudice is the object', 'Hancurkan stigma terhadap penyandang disabilitas!'],
  ['fighting discrimination', 'Ayo perangi diskriminasi terhadap orang Papua.'],
  ['self-harm is not an attack', 'Bunuh diri bukan jalan keluar, kata ulama Islam.'],
  ['"dasar" as a basis', 'Pendidikan dasar Islam penting bagi anak.'],
  ['"sekolah dasar" of a church', 'Ia lulusan Sekolah Dasar Kristen di Medan.'],
  ['an island animal', 'Babi jawa termasuk satwa langka.'],
  ['self-identification', 'Gue cindo, besar di Medan.'],
  ['ancestry', 'Anies keturunan Arab, Ahok keturunan Tionghoa, semuanya warga negara.'],
  ['a political accusation, not a group', 'Jokowi dituduh antek asing oleh lawan politik.'],
  ['the word kafir discussed', 'Kata kafir dalam Al-Quran punya banyak makna.'],
  ['a counter-terrorism arrest', 'Densus menangkap terduga teroris di Jawa Timur.'],
  ['an unrelated imperative', 'Ayo basmi nyamuk demam berdarah di lingkungan kita.'],
  ['a sect named in news', 'Pemerintah harus melindungi kaum minoritas, termasuk Ahmadiyah dan Syiah.'],
];

describe('sara.hate', () => {
  it.each(caught)('when %s, then it is caught', (_name, text, ruleId) => {
    expect(saraRules(text)).toContain(ruleId);
  });

  it.each(innocent)('when %s, then it is approved', (_name, text) => {
    expect(saraRules(text)).toEqual([]);
    expect(moderate(ruleset, text).status).toBe('approved');
  });

  it('when a slur, a group and a call to action meet, then the comment is rejected', () => {
    expect(moderate(ruleset, 'Usir semua orang Cina dari negeri ini, dasar kafir laknat').status).toBe('rejected');
    expect(moderate(ruleset, 'Pulang ke negaramu sana, dasar aseng').status).toBe('rejected');
  });

  it.each([
    ['a call to action alone', 'usir cina dari indonesia'],
    ['a slur next to a group alone', 'Cina babi tuh'],
    ['a dehumanising predicate with a call to action', 'Cina itu parasit, usir saja'],
  ])('when %s, then the comment waits for review', (_name, text) => {
    expect(moderate(ruleset, text).status).toBe('pending');
  });
});

import { moderate } from '../../src/moderation';
import { shippedRuleset } from './shipped-rules';

const ruleset = shippedRuleset();
const scamRules = (text: string): string[] =>
  moderate(ruleset, text)
    .reasons.filter((r) => r.category.startsWith('penipuan.'))
    .map((r) => r.ruleId);

// [what the row proves, text, rule that must fire]
const caught: Array<[string, string, string]> = [
  ['prize notice with a code and a link', 'Selamat! No. Anda mendapatkan hadiah Rp 100jt dari Shopee, kode pemenang: 8842. cek di www.shopee-undian.com', 'penipuan.prize-notice'],
  ['prize notice with a number', 'SELAMAT!! Nomor anda terpilih mendapatkan cek tunai 175jt. Info hub 0852-1234-5678', 'penipuan.prize-notice'],
  ['prize notice alone', 'selamat anda mendapatkan hadiah', 'penipuan.prize-notice'],
  ['draw with a claim link', 'Selamat anda memenangkan undian berhadiah mobil, klaim di bit.ly/undian-mobil', 'penipuan.prize'],
  ['e-wallet bait', 'Klaim saldo DANA gratis 500rb klik link ini', 'penipuan.prize'],
  ['winner code alone', 'kode pemenang anda 771XA', 'penipuan.winner-code'],
  ['mama asks for credit', 'Mama minta tolong isiin pulsa 100rb ke nomor ini ya', 'penipuan.relative'],
  ['mama asks for a transfer', 'Nak, ini mama, tolong transfer dulu ke rekening ini, mama di kantor polisi', 'penipuan.relative'],
  ['the new-number opener', 'ini mama, nomor lama hilang', 'penipuan.relative-new-number'],
  ['fake bank CS number', 'CS BCA 24 jam hubungi 0812 3456 7890', 'penipuan.fake-cs'],
  ['fake CS with a hidden number', 'CS BRI 24 jam hubungi 08xx', 'penipuan.fake-cs'],
  ['fake shop CS on WhatsApp', 'Call center resmi whatsapp Shopee, chat sekarang', 'penipuan.fake-cs-chat'],
  ['loan marketing phrase', 'pinjaman dana cair tanpa BI checking', 'penipuan.loan-offer'],
  ['pinjol in five minutes', 'pinjol tanpa jaminan cair 5 menit', 'penipuan.loan-offer'],
  ['loan words near a way to apply', 'Butuh dana? Pinjaman online tanpa agunan, cukup KTP, hubungi WA admin', 'penipuan.loan'],
  ['work from home per day', 'Kerja dari rumah gaji 5jt/hari', 'penipuan.earnings'],
  ['investment profit per day', 'investasi profit 30% per hari', 'penipuan.earnings'],
  ['paid per day, phone only', 'Join sekarang, kerja online dibayar 500rb per hari cuma modal HP', 'penipuan.earnings'],
  ['account phishing', 'Akun anda diblokir, segera verifikasi akun anda di link berikut', 'penipuan.account-phish'],
];

// each must be approved, with no penipuan reason
const innocent: Array<[string, string]> = [
  ['a shop promotion in news', 'Shopee menggelar promo 12.12 dengan diskon hingga 90%'],
  ['a real call centre', 'Bank BRI membuka layanan call center 14017 untuk nasabah'],
  ['a real call centre with "hubungi"', 'Hubungi call center resmi BRI di 14017.'],
  ['news about the mama scam', 'Polisi membongkar sindikat penipuan mama minta pulsa'],
  ['a regulator closing loan apps', 'OJK menutup 100 pinjol ilegal'],
  ['a regulator warning, with "hubungi"', 'Hati-hati pinjaman online ilegal, hubungi OJK 157 untuk melapor.'],
  ['news describing loan bait', 'OJK: pinjol ilegal sering menawarkan pinjaman tanpa jaminan yang cepat cair.'],
  ['a draw in sport', 'Pemenang undian Piala Dunia diumumkan FIFA'],
  ['a real draw, prize collected at a branch', 'Pemenang undian bisa mengambil hadiah di kantor cabang.'],
  ['a son telling a story', 'Mama saya minta dibelikan pulsa'],
  ['a mother introduced', 'Ini mama saya, dia guru SD.'],
  ['a job ad in news', 'PT Maju membuka lowongan staf administrasi, gaji UMR, kirim CV lewat situs resmi.'],
  ['daily wages in news', 'Buruh harian lepas dibayar Rp 100 ribu per hari, jauh di bawah UMR.'],
  ['a monthly wage', 'UMR Jakarta Rp 5 juta per bulan.'],
  ['fraud news', 'Investasi bodong menjanjikan profit 30% per bulan, kata polisi.'],
  ['a money-doubling trial', 'Kasus penggandaan uang Dimas Kanjeng disidangkan.'],
  ['a bank warning', 'Jangan pernah berikan kode OTP kepada siapa pun, termasuk CS bank.'],
  ['a scam warning', 'Hati-hati penipuan berkedok hadiah undian, jangan klik link sembarangan!'],
  ['congratulations', 'Selamat anda sudah jadi ayah, semoga sehat selalu.'],
  ['working from home', 'Saya kerja dari rumah sejak pandemi, gaji tetap sama.'],
  ['public funds paid out', 'Dana BOS cair bulan depan, kepala sekolah diminta hubungi dinas.'],
  ['a shop rule', 'Ayo transfer dulu baru barangnya dikirim, itu aturan toko online.'],
  ['a giveaway among friends', 'mau giveaway taplak meja tapi nanti yang menang cuma dia'],
];

describe('penipuan.scam', () => {
  it.each(caught)('when %s, then it is caught', (_name, text, ruleId) => {
    expect(scamRules(text)).toContain(ruleId);
  });

  it.each(innocent)('when %s, then it is approved', (_name, text) => {
    expect(scamRules(text)).toEqual([]);
    expect(moderate(ruleset, text).status).toBe('approved');
  });

  it('when a scam template carries a phone number or a link, then the comment is rejected', () => {
    expect(moderate(ruleset, 'CS BCA 24 jam hubungi 0812 3456 7890').status).toBe('rejected');
    expect(moderate(ruleset, 'Selamat anda memenangkan undian, klaim di bit.ly/undian-mobil').status).toBe('rejected');
  });

  it('when a scam template has no number or link, then the comment waits for review', () => {
    expect(moderate(ruleset, 'Mama minta tolong isiin pulsa 100rb ke nomor ini ya').status).toBe('pending');
  });
});

import { legalBasisAt } from '../../src/moderation/legal-basis';
import { shippedRuleset } from './shipped-rules';

const ruleset = shippedRuleset();
const BEFORE = new Date('2026-01-01T16:59:59Z'); // 23:59:59 WIB, 1 January 2026
const FROM = new Date('2026-01-01T17:00:00Z'); // 00:00 WIB, 2 January 2026
/** What UU 1/2024 Pasal II and KUHP Pasal 622 stopped: a decision from 2 January 2026 must not cite them (LEGAL.md). */
const REVOKED = /UU ITE Pasal (27 ayat \(1\)|27A|28 ayat \(2\)|28 ayat \(3\))|Pasal 45 ayat \((1|3|4)\)|Pasal 45A ayat \((2|3)\)/;

// category → [basis until 2026-01-01, basis from 2026-01-02], from LEGAL.md's table
const TABLE: Array<[string, RegExp, RegExp]> = [
  ['judi.promo', /UU ITE Pasal 27 ayat \(2\) jo\. Pasal 45 ayat \(3\)/, /KUHP .*Pasal 426 ayat \(1\) huruf b.*UU ITE Pasal 27 ayat \(2\)/],
  ['susila.explicit', /UU ITE Pasal 27 ayat \(1\) jo\. Pasal 45 ayat \(1\)/, /KUHP .*Pasal 407 ayat \(1\).*Pasal 406/],
  ['susila.solicit', /UU ITE Pasal 27 ayat \(1\) jo\. Pasal 45 ayat \(1\)/, /KUHP .*Pasal 420.*Pasal 421/],
  ['fitnah.accusation', /UU ITE Pasal 27A jo\. Pasal 45 ayat \(4\).*MK 105\/PUU-XXII\/2024/, /KUHP .*Pasal 433.*Pasal 434.*Pasal 441 ayat \(1\)/],
  ['peras.threat', /UU ITE Pasal 27B jo\. Pasal 45 ayat \(8\) dan \(10\)/, /UU ITE Pasal 27B jo\. Pasal 45 ayat \(8\) dan \(10\).*KUHP .*Pasal 482 dan Pasal 483/],
  ['penipuan.scam', /UU ITE Pasal 28 ayat \(1\) jo\. Pasal 45A ayat \(1\)/, /UU ITE Pasal 28 ayat \(1\) jo\. Pasal 45A ayat \(1\).*KUHP .*Pasal 492/],
  ['sara.hate', /UU ITE Pasal 28 ayat \(2\) jo\. Pasal 45A ayat \(2\)/, /KUHP .*Pasal 242 dan Pasal 243 ayat \(1\).*Pasal 300 ayat \(1\).*Pasal 301 ayat \(1\)/],
  ['hoaks.riot', /UU ITE Pasal 28 ayat \(3\) jo\. Pasal 45A ayat \(3\).*MK 115\/PUU-XXII\/2024/, /KUHP .*Pasal 263 dan Pasal 264/],
  ['ancaman.violence', /UU ITE Pasal 29 jo\. Pasal 45B/, /UU ITE Pasal 29 jo\. Pasal 45B.*KUHP .*Pasal 449 ayat \(1\)/],
  ['kasar.directed', /Kebijakan situs; UU ITE Pasal 27A/, /Kebijakan situs; .*KUHP .*Pasal 436.*Pasal 441 ayat \(1\)/],
  ['kasar.interjection', /^Kebijakan situs$/, /^Kebijakan situs$/],
  ['pdp.nik', /UU PDP\) Pasal 65 ayat \(2\) jo\. Pasal 67 ayat \(2\)/, /UU PDP\) Pasal 65 ayat \(2\) jo\. Pasal 67 ayat \(2\)/],
  ['bahaya.selfharm', /Pasal 40 ayat \(2d\)/, /Pasal 40 ayat \(2d\)/],
];

describe('shipped rule files cite the law of LEGAL.md, by date', () => {
  it.each(TABLE)('when a %s decision is made on 1 or on 2 January 2026, then it cites the basis of that day', (category, before, from) => {
    const rules = ruleset.rules.filter((r) => r.category === category);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(legalBasisAt(rule.legalBases, BEFORE)).toMatch(before);
      expect(legalBasisAt(rule.legalBases, FROM)).toMatch(from);
    }
  });

  it('when any shipped rule decides on or after 2 January 2026, then it cites no revoked UU ITE provision', () => {
    const stale = ruleset.rules.filter((r) => REVOKED.test(legalBasisAt(r.legalBases, FROM))).map((r) => r.id);
    expect(stale).toEqual([]);
  });
});

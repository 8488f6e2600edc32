import fc from 'fast-check';
import { RegExpMatcher, SyntaxKind, englishDataset, englishRecommendedTransformers, type Node, type ParsedPattern } from 'obscenity';
import { moderate } from '../../src/moderation';
import { normalize } from '../../src/moderation/normalize/pipeline';
import { INDONESIAN_WHITELIST, englishMatcherOptions, findEnglishProfanity, readsEnglish } from '../../src/moderation/english';
import { shippedRuleset } from './shipped-rules';

const ruleset = shippedRuleset();
const englishRules = new Set(ruleset.rules.filter((r) => r.file === 'kasar-en.yaml').map((r) => r.id));
const ABUSE = /^(kasar|sara|susila|ancaman|fitnah|peras)/;

const englishReasons = (text: string): string[] => moderate(ruleset, text).reasons.flatMap((r) => (englishRules.has(r.ruleId) ? [r.ruleId] : []));
const categories = (text: string): string[] => moderate(ruleset, text).reasons.map((r) => r.category);

/** Every string a pattern matches with its optionals taken or not and its wildcards as `fill`. */
function samples(p: ParsedPattern, fill = 'u'): string[] {
  let out = [''];
  const lit = (n: Node): string => (n.kind === SyntaxKind.Literal ? String.fromCodePoint(...n.chars) : n.kind === SyntaxKind.Wildcard ? fill : '');
  for (const n of p.nodes) {
    if (n.kind === SyntaxKind.Optional) out = out.flatMap((s) => [s, s + lit(n.childNode)]);
    else out = out.map((s) => s + lit(n));
  }
  return out.filter((s) => s.length > 0);
}

const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

describe('English abuse', () => {
  // [what the row proves, text, category]
  const caught: Array<[string, string, string]> = [
    ['slur without "you"', 'these hoes ain’t loyal', 'kasar.directed'],
    ['bitch alone', 'Karate bitch', 'kasar.directed'],
    ['plural', 'bad bitches only', 'kasar.directed'],
    ['spelling', 'that biatch again', 'kasar.directed'],
    ['n-word, -a spelling', 'that nigga lying', 'kasar.directed'],
    ['n-word, -cca spelling', 'dis nicca lame', 'kasar.directed'],
    ['n-word, hard r', 'stupid niggers', 'kasar.directed'],
    ['homophobic slur', 'this guy is the biggest faggot omfg', 'kasar.directed'],
    ['short form', 'Bernstine is a Jew fag.', 'kasar.directed'],
    ['ableist slur', 'you all are retarded', 'kasar.directed'],
    ['phrase', 'white trash everywhere', 'kasar.directed'],
    ['sexual insult', 'RT @x: pussy.', 'kasar.directed'],
    ['hashtag', 'so tired of these #hoes', 'kasar.directed'],
    ['strong compound', 'what an asshole', 'kasar.directed'],
    ['wigga', 'look at that wigga', 'kasar.directed'],
    ['English slur in an Indonesian comment', 'dasar bitch', 'kasar.directed'],
    ['mild insult aimed at you', 'you stupid moron', 'kasar.directed'],
    ['obscenity aimed at you', 'fuck you', 'kasar.directed'],
    ['obscenity, leet, aimed', 'you are a b!tch', 'kasar.directed'],
    ['obscenity as interjection', 'this is fucking bullshit', 'kasar.interjection'],
    ['obscenity, no stopword at all', 'shit!', 'kasar.interjection'],
    ['obscenity, repeated letters', 'shiiiiit happens to the best', 'kasar.interjection'],
    ['obscenity inside a word', 'sonofabitch', 'kasar.interjection'],
    ['obscenity, Indonesian handle does not make it Indonesian', '@dan_bernstein @yg_official ass', 'kasar.interjection'],
  ];
  it.each(caught)('%s: %s', (_why, text, category) => {
    expect(categories(text)).toContain(category);
  });

  // Indonesian words that obscenity's patterns (or the English terms) would hit
  const innocent: Array<[string, string]> = [
    ['cuma ⊃ cum', 'Saya cuma mau bilang, perang itu tidak ada pemenangnya.'],
    ['cuma, no function word', 'Cuma satu'],
    ['cumi', 'Cumi goreng tepung'],
    ['cumlaude', 'Lulus cumlaude'],
    ['nggak ⊃ ngga', 'Nggak tinggal diam'],
    ['tinggal', 'Tinggal sedikit lagi'],
    ['hingga', 'Hingga kini belum jelas'],
    ['anggaran', 'Anggaran pertahanan dinaikkan'],
    ['Tenggara', 'Asia Tenggara'],
    ['bangga, tetangga, unggas', 'Bangga tetangga pelihara unggas'],
    ['tengger', 'Suku Tengger'],
    ['sementara ⊃ semen', 'Sementara itu'],
    ['semenanjung', 'Semenanjung Korea memanas'],
    ['semenjak', 'Semenjak pandemi'],
    ['Semen Padang', 'Semen Padang menang 2-0'],
    ['penistaan ⊃ penis', 'Kasus penistaan agama'],
    ['penista', 'Penista agama harus diadili'],
    ['analisis ⊃ anal', 'Analisis pengamat militer cukup masuk akal.'],
    ['analisa', 'Analisa saya beda'],
    ['kanal', 'Kanal YouTube resmi'],
    ['kanal, repeated letter', 'Kaanal berita'],
    ['rapet ⊃ rape', 'Pintu rapet banget'],
    ['raperda', 'Raperda disahkan DPRD'],
    ['rapel', 'Gaji rapel cair'],
    ['seksama', 'Baca beritanya dengan seksama dulu.'],
    ['kontrol', 'Kontrol harga pangan'],
    ['pantai, santai', 'Santai di pantai'],
    ['assalamualaikum ⊃ ass', 'Assalamualaikum wr wb'],
    ['assalamualaikum, repeated letters', 'Aassalamualaikum'],
    ['assalamualaikum, math bold', '𝐀𝐬𝐬𝐚𝐥𝐚𝐦𝐮𝐚𝐥𝐚𝐢𝐤𝐮𝐦'],
    ['Ass. wr. wb.', 'Ass. wr. wb. bapak ibu'],
    ['asli, stretched', 'Asssssliiiii'],
    ['Assegaf', 'Habib Assegaf hadir'],
    ['FK UI', 'Alumni FK Unpad'],
    ['Dicky', 'Dicky menang'],
    ['boongan', 'Boongan doang'],
    ['Niger (the country) is not the slur', 'Kudeta militer di Niger membuat harga minyak naik.'],
    ['Nica (a name) is not the slur', 'Nica juara kelas lagi tahun ini.'],
    ['laughter', 'Ho He Hoe'],
    ['as is not ass', 'as soon as possible'],
    ['the tool', 'The garden hoe is in the shed.'],
    ['trash alone', 'take the trash out'],
  ];
  it.each(innocent)('no English rule on %s', (_why, text) => {
    expect(englishReasons(text)).toEqual([]);
  });

  it('catches nothing abusive in the innocent rows at all', () => {
    for (const [, text] of innocent) expect(categories(text).filter((c) => ABUSE.test(c))).toEqual([]);
  });
});

describe('Indonesian whitelist', () => {
  it('is passed to obscenity: each whitelisted term stops a hit the bare matcher finds', () => {
    for (const [word, terms] of Object.entries(INDONESIAN_WHITELIST)) {
      for (const term of terms) {
        const text = ` ${term} `;
        // the bare matcher hits it (else the entry is stale); ours does not
        expect([word, term, obscenity.hasMatch(text)]).toEqual([word, term, true]);
        expect([word, term, findEnglishProfanity(text)]).toEqual([word, term, []]);
      }
    }
  });
});

describe('English matcher', () => {
  const built = englishDataset.build();
  // obscenity's own matcher, built from the same dataset, whitelist and transformers: the reference
  const reference = new RegExpMatcher(englishMatcherOptions());
  const ours = (text: string) => findEnglishProfanity(text).map((h) => [h.start, h.end]);
  const theirs = (text: string) => reference.getAllMatches(text, true).map((m) => [m.startIndex, m.endIndex + 1]);

  it('finds what obscenity finds on every word of the dataset, plain and disguised', () => {
    for (const term of built.blacklistedTerms) {
      for (const s of samples(term.pattern)) {
        const disguised = [s, s.toUpperCase(), s.replace(/[aeiou]/, (v) => v.repeat(4)), s.replace(/a/g, '@').replace(/o/g, '0').replace(/i/g, '1'), `#${s}!`];
        for (const text of disguised) expect([text, ours(` ${text} `)]).toEqual([text, theirs(` ${text} `)]);
      }
    }
  });

  it.each([
    ['a pattern hitting a whitelisted word', 'I passed the class assessment'],
    ['|anal inside "analy"', 'I think the analysis in this article is fair'],
    ['n[i]gga inside "ngga"', 'Nggak tinggal diam, anggaran naik'],
    ['|cum inside "cuma"', 'Saya cuma mau bilang'],
    ['the same word twice', 'fuck this fuck that'],
    ['overlapping patterns', 'motherfucker fucking fucks'],
    ['look-alikes and an astral letter', '𝐚𝐬𝐬 and ѕhіt 😂 fück'],
    ['whitelisted and not, side by side', 'assess this ass, cuma cum'],
    ['a surrogate pair at the end of a match', 'shit😂'],
  ])('agrees with obscenity: %s', (_why, text) => {
    expect(ours(text)).toEqual(theirs(text));
  });

  it('agrees with obscenity match for match (random text from dataset letters, leet, look-alikes, whitelist words)', () => {
    const units = fc.oneof(
      fc.constantFrom(...'fuckshitbanlygerpsyoutmd'.split('')),
      fc.constantFrom(' ', ' ', '.', '!', '@', '4', '$', '5', '1', '0', '3', '|', '(', 'A', 'S', 'ü', 'а', '𝐚', '😂', '\ud83d'),
      fc.constantFrom('ass', 'anal', 'cum', 'nigg', 'cuma', 'ngga', 'assess', 'analy', 'fuck', 'pen is', 'semen', 'kanal', 'FUUUCK', 'sh1t'),
    );
    fc.assert(
      fc.property(fc.array(units, { maxLength: 25 }), (parts) => {
        const text = parts.join('');
        expect([text, ours(text)]).toEqual([text, theirs(text)]);
      }),
      { numRuns: 4000, seed: 7 },
    );
  });
});

describe('language guard', () => {
  const reads = (text: string, language?: string): boolean => readsEnglish(normalize(text).tokens, language, normalize(text).folded.text);
  it.each([
    ['English sentence', 'you are the worst', true],
    ['no function word at all', 'Karate bitch', true],
    ['Indonesian sentence', 'saya tidak tahu apa yang terjadi', false],
    ['mixed, more Indonesian', 'anjir shit lah gue nggak ngerti', false],
    ['mojibake "u u u" counts once', 'dalam ada yang u u u u u u', false],
    ['Indonesian word inside an @handle does not count', '@dan_smith ass', true],
  ])('%s', (_why, text, expected) => {
    expect(reads(text)).toBe(expected);
  });
  it('follows the caller language', () => {
    expect(reads('saya tidak tahu', 'en')).toBe(true);
    expect(reads('you are the worst', 'id')).toBe(false);
    // the rules fed by obscenity's matcher run only on text the guard lets through
    const fromObscenity = new Set(ruleset.rules.filter((r) => r.source === 'obscenity').map((r) => r.id));
    const obscenityReasons = (language: string) => moderate(ruleset, 'fuck you', { language }).reasons.filter((r) => fromObscenity.has(r.ruleId));
    expect(obscenityReasons('en')).not.toEqual([]);
    expect(obscenityReasons('id')).toEqual([]);
  });
});

describe('Saring finds at least what obscenity finds in English', () => {
  const built = englishDataset.build();
  // the dataset's words, less the Indonesian ones it would hit (tinggal ⊃ "ngga" is whitelisted on purpose)
  const words = built.blacklistedTerms.flatMap((t) => samples(t.pattern, 'u')).filter((w) => findEnglishProfanity(` ${w} `).length > 0);
  const filler = 'you the a is this so what I it my and to of in that like just really with for all they'.split(' ');
  const plain = 'game today tomorrow weather coffee phone music class party girl boy team night work again lol smh'.split(' ');
  const disguise = fc.constantFrom<(w: string) => string>(
    (w) => w,
    (w) => w.toUpperCase(),
    (w) => w[0]?.toUpperCase() + w.slice(1),
    (w) => w.replace(/([aeiou])/, '$1$1$1'),
    (w) => w.replace(/a/g, '4').replace(/e/g, '3'),
    (w) => `#${w}`,
    (w) => `${w}!!`,
  );
  const sentence = fc
    .tuple(
      fc.array(fc.constantFrom(...filler, ...plain), { minLength: 0, maxLength: 6 }),
      fc.constantFrom(...words),
      disguise,
      fc.array(fc.constantFrom(...filler, ...plain), { minLength: 0, maxLength: 6 }),
    )
    .map(([before, word, d, after]) => [...before, d(word), ...after].join(' '));

  it('every obscenity match lies inside a span of an abuse reason', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        const matches = obscenity.getAllMatches(text);
        if (matches.length === 0) return;
        const spans = moderate(ruleset, text).reasons.filter((r) => ABUSE.test(r.category)).flatMap((r) => r.spans);
        for (const m of matches) {
          const covered = spans.some((s) => s.start <= m.startIndex && s.end >= m.endIndex + 1);
          expect([text, m.startIndex, covered]).toEqual([text, m.startIndex, true]);
        }
      }),
      { numRuns: 1500, seed: 20251201 },
    );
  });
});

import { moderate } from '../../src/moderation';
import type { Reason } from '../../src/moderation';
import { maskText } from '../../src/moderation/decide';
import { shippedRuleset } from './shipped-rules';

const ruleset = shippedRuleset();

describe('decision', () => {
  it('when nothing matches, then it is approved with the ruleset version', () => {
    const d = moderate(ruleset, 'Berita yang bagus.');
    expect(d).toEqual({ status: 'approved', action: 'approve', reasons: [], maskedText: 'Berita yang bagus.', rulesetVersion: ruleset.version });
  });

  it('when a masked insult is found, then only its span is masked and the comment is approved', () => {
    const text = 'Dasar anjing lu, baca dulu!';
    const d = moderate(ruleset, text);
    expect(d.status).toBe('approved');
    expect(d.action).toBe('mask');
    expect(d.maskedText).toBe('Dasar ****** lu, baca dulu!');
    const reason = d.reasons[0] as Reason;
    expect(reason.spans).toEqual([{ start: 6, end: 12, text: 'anjing' }]);
    // no instant given: the basis in force from 2026-01-02 (KUHP); a 2025 decision cites UU ITE 27A
    expect(reason.legalBasis).toMatch(/KUHP.*Pasal 436/);
    expect(moderate(ruleset, text, { at: new Date('2025-06-01T00:00:00Z') }).reasons[0]?.legalBasis).toMatch(/UU ITE Pasal 27A/);
  });

  it('when reject and mask both fire, then reject wins and the reasons are sorted strongest first', () => {
    const d = moderate(ruleset, 'Open BO, chat WA 081234567890');
    expect(d.status).toBe('rejected');
    expect(d.reasons.map((r) => r.action)).toEqual(['reject', 'mask']);
    expect(d.maskedText).toBe('*******, chat WA ************');
  });

  it('when a threat is found, then the comment is pending review', () => {
    expect(moderate(ruleset, 'Gue tau rumah lo, tunggu gue bacok').status).toBe('pending');
  });

  it('when only a flag fires, then the comment is approved and nothing is masked', () => {
    const d = moderate(ruleset, 'pak lurah itu koruptor');
    expect(d.status).toBe('approved');
    expect(d.action).toBe('flag');
    expect(d.maskedText).toBe('pak lurah itu koruptor');
  });

  it('when the same rule matches twice, then it gives one reason with both spans', () => {
    const d = moderate(ruleset, 'goblok, ya goblok');
    expect(d.reasons).toHaveLength(1);
    expect(d.reasons[0]?.spans.map((s) => s.text)).toEqual(['goblok', 'goblok']);
  });

  it('when insults repeat three times, then masking escalates to review', () => {
    expect(moderate(ruleset, 'goblog, tolol, bangsat semua').status).toBe('pending');
  });

  it('when a slur comes with a call to action, then sara.hate rejects; identity words alone never do', () => {
    expect(moderate(ruleset, 'Usir semua orang Cina dari negeri ini, dasar kafir laknat').status).toBe('rejected');
    expect(moderate(ruleset, 'usir orang cina').status).toBe('pending');
    expect(moderate(ruleset, 'orang Cina').reasons).toEqual([]);
  });

  it('when a scam comes with a phone number, then it is rejected', () => {
    expect(moderate(ruleset, 'Hubungi CS resmi 081234567890').status).toBe('rejected');
  });

  it('when disguised with Unicode, then spans still point at the original characters', () => {
    const text = 'wah 𝐕𝐈𝐒𝐈4️⃣𝗗 gacor';
    const reason = moderate(ruleset, text).reasons.find((r) => r.ruleId === 'judi.brand') as Reason;
    const span = reason.spans[0];
    expect(span?.text).toBe('𝐕𝐈𝐒𝐈4️⃣𝗗');
    expect(text.slice(span?.start, span?.end)).toBe(span?.text);
  });

  it('when a masked span covers surrogate pairs, then one star per character is written', () => {
    expect(moderate(ruleset, 'dasar 𝐚𝐧𝐣𝐢𝐧𝐠').maskedText).toBe('dasar ******');
  });

  it.each([
    ['en', 'The comment contains abusive language aimed at someone.'],
    ['id', 'Komentar memuat kata kasar yang ditujukan kepada orang lain.'],
  ] as const)('when messages are asked in %s, then reasons use that language', (lang, message) => {
    expect(moderate(ruleset, 'goblok', { messageLanguage: lang }).reasons[0]?.message).toBe(message);
  });
});

describe('masking', () => {
  it('when spans cover emoji, lone surrogates or halves of a pair, then each code point of the span becomes one star, as the string iterator counts them', () => {
    const texts = ['a\u{1F600}b', '\ud800x', 'x\udc00\ud800', '\u{1F600}\ud83d', 'anjing \u{1D41A}\u{1D427}'];
    for (const text of texts) {
      for (let start = 0; start <= text.length; start++) {
        for (let end = start; end <= text.length; end++) {
          const expected = text.slice(0, start) + '*'.repeat([...text.slice(start, end)].length) + text.slice(end);
          expect(maskText(text, [{ start, end, text: text.slice(start, end) }])).toBe(expected);
        }
      }
    }
  });
});

describe('site policy', () => {
  it('when strict, then a mask becomes review', () => {
    expect(moderate(ruleset, 'goblok', { policy: { strictness: 'strict' } }).status).toBe('pending');
  });

  it('when lenient, then review becomes mask and reject becomes review', () => {
    expect(moderate(ruleset, 'awas lu gue bacok', { policy: { strictness: 'lenient' } }).action).toBe('mask');
    expect(moderate(ruleset, 'slot gacor maxwin', { policy: { strictness: 'lenient' } }).status).toBe('pending');
  });

  it('when lenient, then flag stays flag (never below)', () => {
    expect(moderate(ruleset, 'pak lurah itu koruptor', { policy: { strictness: 'lenient' } }).action).toBe('flag');
  });

  it('when a category is set to approve, then its reasons disappear', () => {
    const d = moderate(ruleset, 'njir keren', { policy: { categoryActions: { 'kasar.interjection': 'approve' } } });
    expect(d.reasons).toEqual([]);
    expect(d.maskedText).toBe('njir keren');
  });

  it('when a family is set explicitly, then it wins over strictness', () => {
    expect(moderate(ruleset, 'goblok', { policy: { strictness: 'strict', categoryActions: { kasar: 'reject' } } }).status).toBe('rejected');
  });
});

describe('English guard', () => {
  it('when language is id, then obscenity does not run', () => {
    const ids = moderate(ruleset, 'fuck you', { language: 'id' }).reasons.map((r) => r.ruleId);
    expect(ids).not.toContain('kasar.english-directed');
    expect(ids).not.toContain('kasar.english-profanity');
    // the plain term rule (not obscenity) still sees the word
    expect(ids).toContain('kasar.english-insult');
  });

  it.each(['Saya cuma mau bilang', 'Nggak tinggal diam', 'analisis kanal', 'penistaan agama', 'Untuk sementara', 'seksama', 'pintunya rapet'])(
    'when %j is read as English on purpose, then the Indonesian guard still drops the hit',
    (text) => {
      expect(moderate(ruleset, text, { language: 'en' }).reasons).toEqual([]);
    },
  );
});

import { ERASED, redact, type Redaction } from '../../src/author-data/redact';

const r: Redaction = { authorId: 'u-77', pseudonym: 'erased-000000000000', names: ['Pasal', 'Budi Santoso'] };
const at = new Date('2026-01-02T00:00:00Z');

describe('redact (what an erasure leaves of a stored value)', () => {
  it.each([
    { name: 'comment text and masked text are erased', input: { text: 'halo Budi', maskedText: 'halo ****' }, expected: { text: ERASED, maskedText: ERASED } },
    { name: 'the matched spans lose their text, keep their offsets', input: { spans: [{ start: 1, end: 4, text: 'goblok' }] }, expected: { spans: [{ start: 1, end: 4, text: ERASED }] } },
    { name: "an author's name is erased, the id becomes the pseudonym", input: { author: { id: 'u-77', name: 'Budi Santoso' } }, expected: { author: { id: r.pseudonym, name: ERASED } } },
    { name: "a moderator's name is not the author's", input: { decidedByName: 'Budi Santoso' }, expected: { decidedByName: 'Budi Santoso' } },
    { name: 'a key ending in the author id is re-keyed', input: { target: 'author:kabar:u-77', reportId: 'c_1:u-77' }, expected: { target: `author:kabar:${r.pseudonym}`, reportId: `c_1:${r.pseudonym}` } },
    { name: 'a longer id that merely ends alike is left alone', input: { target: 'author:kabar:xu-77' }, expected: { target: 'author:kabar:xu-77' } },
    { name: 'notes and reasons lose the names and the id', input: { note: 'Budi Santoso (u-77) spam', banReason: 'Pasal spam' }, expected: { note: `${ERASED} (${ERASED}) spam`, banReason: `${ERASED} spam` } },
    // regression guard: a name that is also a word must not rewrite the citations the counts are kept by
    { name: 'legal bases, rule ids and messages are kept even when a name is a word in them', input: { legalBasis: 'KUHP Pasal 436', ruleId: 'kasar.insult', message: 'Pasal 27' }, expected: { legalBasis: 'KUHP Pasal 436', ruleId: 'kasar.insult', message: 'Pasal 27' } },
    { name: 'the note of a report the author filed is their words', input: { report: { reporterId: 'u-77', note: 'lihat komentar ini' } }, expected: { report: { reporterId: r.pseudonym, note: ERASED } } },
    { name: "another reader's note on the author's comment is theirs and stays", input: { report: { reporterId: 'r-1', note: 'lihat komentar ini' } }, expected: { report: { reporterId: 'r-1', note: 'lihat komentar ini' } } },
    { name: 'dates, numbers and booleans pass through', input: { at, n: 3, urgent: true, none: null }, expected: { at, n: 3, urgent: true, none: null } },
  ])('when $name', ({ input, expected }) => {
    expect(redact(input, r)).toEqual(expected);
  });

  it('when given a value, then it returns a copy and leaves the original as it was', () => {
    const input = { author: { id: 'u-77', name: 'Budi Santoso' } };
    redact(input, r);
    expect(input).toEqual({ author: { id: 'u-77', name: 'Budi Santoso' } });
  });
});

import { catchRuleForLabel } from '../../src/eval/label-catch';
import { computeEditDistance, FuzzyIndex } from '../../src/cli/fuzzy-index';
import { formatSnippet } from '../../src/cli/text-snippet';

describe('near spellings', () => {
  it('when words differ by a letter or a swap, then the distance is 1; past the cap it is cap + 1', () => {
    expect(computeEditDistance('brengsik', 'brengsek', 2)).toBe(1);
    expect(computeEditDistance('kampert', 'kampret', 2)).toBe(1);
    expect(computeEditDistance('gblk', 'goblok', 2)).toBe(2);
    expect(computeEditDistance('kucing', 'anjing', 2)).toBe(3);
  });

  it('when a term is short, then only one edit is allowed, and words under 4 letters find nothing', () => {
    const index = new FuzzyIndex(['babi', 'bajingan', 'tai']);
    expect(index.findNear('bagi')).toEqual([{ term: 'babi', distance: 1 }]);
    expect(index.findNear('bagu')).toEqual([]);
    expect(index.findNear('bjingan')).toEqual([{ term: 'bajingan', distance: 1 }]);
    expect(index.findNear('bajngn')).toEqual([{ term: 'bajingan', distance: 2 }]);
    expect(index.findNear('tau')).toEqual([]);
  });
});

describe('how a label counts a row as caught', () => {
  const categories = ['kasar.directed', 'sara.hate', 'judi.promo'];
  it.each([
    ['abusive', ['sara.hate'], true],
    ['offensive', ['judi.promo'], false],
    ['judi', ['judi.promo'], true],
    ['sara', ['kasar.directed'], false],
    ['sara', ['sara.hate'], true],
    ['kasar.directed', ['kasar.interjection'], false],
  ])('when the label is %s and the reasons are %j, then caught is %s', (label, cats, caught) => {
    expect(catchRuleForLabel(label, categories).caught(cats)).toBe(caught);
  });
});

describe('snippets', () => {
  it('when the text is long, then it is cut around the marked span on one line', () => {
    const text = `${'a '.repeat(60)}\nkata kasar di sini\n${'b '.repeat(60)}`;
    const start = text.indexOf('kasar');
    const s = formatSnippet(text, start, start + 5);
    expect(s).toMatch(/^….*«kasar».*…$/);
    expect(s).not.toContain('\n');
    expect(s.length).toBeLessThan(130);
  });
});

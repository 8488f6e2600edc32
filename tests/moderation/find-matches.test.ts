import fc from 'fast-check';
import { RE2JS } from 're2js';
import { findFrom } from '../../src/moderation/find-matches';
import { loadRulesetFromDir } from '../../src/rules/load';
import path from 'node:path';

/** re2js's own matcher: every match with its first group, as the engine read them before findFrom. */
function byMatcher(re: RE2JS, text: string): number[][] {
  const out: number[][] = [];
  const m = re.matcher(text);
  while (m.find()) {
    out.push(re.groupCount() > 0 ? [m.start(), m.end(), m.start(1), m.end(1)] : [m.start(), m.end()]);
    if (m.end() <= m.start()) break;
  }
  return out;
}

function byFindFrom(re: RE2JS, text: string): number[][] {
  const out: number[][] = [];
  for (let m = findFrom(re, text, 0); m !== null; m = findFrom(re, text, m[1] as number)) {
    out.push(m.slice(0, re.groupCount() > 0 ? 4 : 2));
    if ((m[1] as number) <= (m[0] as number)) break;
  }
  return out;
}

const PATTERNS = [
  '(?:^|[^a-z0-9])([a-z]{3,}[0-9]{2,3})\\b',
  '\\b[0-9]{4}[ .-][0-9]{4}\\b',
  'https?://[^\\s]+',
  '\\bho ki\\b',
  '(a|ab)(c|bcd)?',
  'x*',
  '🖤[a-z0-9]{3,15}🖤',
  '(?:^|[^@])(b+)$',
];

const ALPHABET = ['a', 'b', 'c', 'd', 'h', 'o', 'k', 'i', 'x', '1', '7', ' ', '-', '.', '/', ':', '@', 'é', '🖤', '\ud83d'];

describe('findFrom: the matches re2js’s matcher finds, groups included', () => {
  it.each(PATTERNS)('%s, on random texts (surrogate pairs, lone surrogates, word edges)', (source) => {
    const re = RE2JS.compile(source);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(byFindFrom(re, text)).toEqual(byMatcher(re, text));
      }),
      { numRuns: 400 },
    );
  });

  it('every shipped pattern, on texts that match some of them twice', async () => {
    const ruleset = await loadRulesetFromDir(path.join(__dirname, '..', '..', 'rules'));
    const texts = ['main di w3ton88 wd cepat, main di w3ton88 lagi', 'hubungi 0812-3456-7890 atau 0812 3456 7891', 'cek http://a.b/c dan https://d.e', 'NIK 3578014503900002 3578014503900003', ''];
    let compared = 0;
    for (const rule of ruleset.rules) {
      for (const p of rule.patterns) {
        for (const text of texts) {
          expect(byFindFrom(p.re, text)).toEqual(byMatcher(p.re, text));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('a match wanted from a later position sees the text before it as context', () => {
    const re = RE2JS.compile('\\bab');
    expect(findFrom(re, 'xab ab', 1)?.slice(0, 2)).toEqual([4, 6]);
    expect(findFrom(re, 'xab ab', 5)).toBeNull();
  });
});

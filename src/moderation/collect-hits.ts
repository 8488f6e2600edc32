import { EntryKind, type CompiledPattern, type CompiledRule, type CompiledRuleset } from './compiled';
import { findEnglishProfanity, looksEnglish } from './english';
import { runValidator } from './pdp-validators';
import { scanWords, wordForms } from './term-index';
import type { Hit, TextViews } from './text-views';

/** Everything the rules found in one text, grouped by rule index. */
export interface RuleHits {
  terms: Map<number, Hit[]>;
  allow: Map<number, Hit[]>;
  near: Map<number, Hit[]>;
}

function push(map: Map<number, Hit[]>, rule: number, hit: Hit): void {
  const list = map.get(rule);
  if (list === undefined) map.set(rule, [hit]);
  else list.push(hit);
}

/** One pass of the term index over the words. */
export function collectWordHits(ruleset: CompiledRuleset, views: TextViews): RuleHits {
  const forms = views.n.tokens.map((t) => wordForms(t.raw, ruleset.variants, ruleset.vocabulary, ruleset.wordCache));
  const result: RuleHits = { terms: new Map(), allow: new Map(), near: new Map() };
  for (const { entry, a, b } of scanWords(ruleset.trie, forms)) {
    const hit = views.hitFromTokens(a, b, `t${entry.term}`);
    const target = entry.kind === EntryKind.Term ? result.terms : entry.kind === EntryKind.Allow ? result.allow : result.near;
    push(target, entry.rule, hit);
  }
  return result;
}

function runPattern(p: CompiledPattern, views: TextViews, hits: Hit[]): void {
  if (p.minDigits > 0 && views.digitCount() < p.minDigits) return;
  const subject = p.view === 'words' ? views.words().text : views.n.folded.text;
  if (p.requires !== undefined && !p.requires.some((r) => subject.includes(r))) return;
  const m = p.re.matcher(subject);
  // with a capture group, the first group is the span (a way round the missing look-behind)
  const grouped = p.re.groupCount() > 0;
  while (m.find()) {
    const s = grouped && m.start(1) >= 0 ? m.start(1) : m.start();
    const e = grouped && m.start(1) >= 0 ? m.end(1) : m.end();
    if (m.end() <= m.start()) break;
    if (e <= s) continue;
    const matched = subject.slice(s, e);
    if (p.validate !== undefined && !runValidator(p.validate, matched)) continue;
    const hit = p.view === 'words' ? views.hitFromWords(s, e, matched) : views.hitFromFolded(s, e, matched);
    if (hit.end > hit.start) hits.push(hit);
  }
}

function hasNonAscii(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) > 127) return true;
  return false;
}

function signalHits(rule: CompiledRule, views: TextViews): Hit[] {
  const { n } = views;
  if (rule.signal === 'fancy') {
    if (n.folded.fancy < 3) return [];
    const hits: Hit[] = [];
    n.tokens.forEach((_, i) => {
      const hit = views.hitFromTokens(i, i, 'fancy');
      if (hasNonAscii(n.original, hit.start, hit.end)) hits.push({ ...hit, key: `fancy${i}` });
    });
    return hits;
  }
  // repeat: the same word six or more times in a row (floods; "bisa bisa bisa bisa" is emphasis)
  const hits: Hit[] = [];
  let run = 1;
  for (let i = 1; i <= n.tokens.length; i++) {
    if (i < n.tokens.length && n.tokens[i]?.raw === n.tokens[i - 1]?.raw) run++;
    else {
      if (run >= 6) hits.push(views.hitFromTokens(i - run, i - 1, `repeat${i}`));
      run = 1;
    }
  }
  return hits;
}

function englishHits(views: TextViews, language: string | undefined): Hit[] {
  if (!looksEnglish(views.n.original, views.n.tokens, language, views.n.folded.text)) return [];
  return findEnglishProfanity(views.n.original).map((found) => views.hitFromOriginal(found.start, found.end, found.word));
}

/** Runs the rules that do not come from the term index: patterns, signals, the English matcher. */
export function collectOtherHits(ruleset: CompiledRuleset, views: TextViews, into: RuleHits, language: string | undefined): void {
  let english: Hit[] | null = null;
  for (const index of ruleset.alwaysRules) {
    const rule = ruleset.rules[index] as CompiledRule;
    const hits: Hit[] = [];
    for (const p of rule.patterns) runPattern(p, views, hits);
    if (rule.signal !== undefined) hits.push(...signalHits(rule, views));
    if (rule.source === 'obscenity') {
      english ??= englishHits(views, language);
      hits.push(...english);
    }
    for (const hit of hits) push(into.terms, index, hit);
  }
}

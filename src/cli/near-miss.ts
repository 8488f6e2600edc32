import type { CatchRule } from '../eval/score';
import { EntryKind, type CompiledRule, type CompiledRuleset } from '../moderation/compiled';
import { matchForms, scanWords, type WordHit } from '../moderation/term-index';
import { FuzzyIndex } from './fuzzy-index';
import { spanOfTokens, type RowWords } from './row-words';
import type { WordStats } from './word-stats';

/** Why a missed positive row was missed, as close to a rule as can be found cheaply. */
export type NearMiss =
  | { kind: 'cancelled'; word: string; ruleId: string; why: string; start: number; end: number }
  | { kind: 'fuzzy'; word: string; term: string; ruleId: string; distance: number; start: number; end: number }
  | { kind: 'suspicious'; word: string; positive: number; clean: number; start: number; end: number }
  | { kind: 'none' };

const overlaps = (x: WordHit, y: WordHit): boolean => x.a <= y.b && y.a <= x.b;

/** Finds, for rows the rules missed, a cancelled term, a near spelling of a term, or a suspicious word. */
export class NearMissFinder {
  private readonly counted = new Set<number>();
  private readonly termRule = new Map<string, string>();
  private readonly fuzzy: FuzzyIndex;
  private readonly fuzzyCache = new Map<string, { term: string; distance: number } | null>();

  /** `counting` says which rules matter (their category would catch the row); `stats` filters near spellings common in clean rows. */
  constructor(
    private readonly ruleset: CompiledRuleset,
    counting: CatchRule,
    private readonly stats: WordStats,
  ) {
    ruleset.rules.forEach((rule, i) => counting.caught([rule.category]) && this.counted.add(i));
    for (const [word, node] of ruleset.trie) {
      const entry = node.entries?.find((e) => e.kind === EntryKind.Term && this.counted.has(e.rule));
      if (entry !== undefined) this.termRule.set(word, (ruleset.rules[entry.rule] as CompiledRule).id);
    }
    this.fuzzy = new FuzzyIndex(this.termRule.keys());
  }

  /** The nearest miss of one row: a cancelled term first, then a near spelling, then a suspicious word. */
  findNearMiss(words: RowWords): NearMiss {
    const forms = words.n.tokens.map((t) => matchForms(t.raw, this.ruleset.variants, this.ruleset.vocabulary, this.ruleset.wordCache));
    const hits = scanWords(this.ruleset.trie, forms);
    const cancelled = this.findCancelled(hits, words);
    if (cancelled !== null) return cancelled;
    let best: NearMiss | null = null;
    words.forms.forEach((form, i) => {
      if ((forms[i] ?? []).some((f) => this.ruleset.trie.has(f))) return;
      const near = this.findFuzzy(form);
      if (near === null || (best?.kind === 'fuzzy' && best.distance <= near.distance)) return;
      best = { kind: 'fuzzy', word: form, ...near, ruleId: this.termRule.get(near.term) ?? '', ...spanOfTokens(words, i, i) };
    });
    if (best !== null) return best;
    const suspicious = this.stats.findSuspicious(words.forms);
    if (suspicious === null) return { kind: 'none' };
    const i = words.forms.findIndex((f) => f === suspicious.word || f.startsWith(suspicious.word) || f.includes(suspicious.word));
    return { kind: 'suspicious', ...suspicious, ...spanOfTokens(words, i, i) };
  }

  private findCancelled(hits: WordHit[], words: RowWords): NearMiss | null {
    for (const hit of hits) {
      if (hit.entry.kind !== EntryKind.Term || !this.counted.has(hit.entry.rule)) continue;
      const rule = this.ruleset.rules[hit.entry.rule] as CompiledRule;
      const same = hits.filter((h) => h.entry.rule === hit.entry.rule);
      const allow = same.find((h) => h.entry.kind === EntryKind.Allow && overlaps(h, hit));
      const distinct = new Set(same.filter((h) => h.entry.kind === EntryKind.Term).map((h) => h.entry.term)).size;
      let why = 'did not fire';
      if (allow !== undefined) why = `allowed by "${words.forms.slice(allow.a, allow.b + 1).join(' ')}"`;
      else if (rule.near !== undefined) why = `no \`near\` word within ${rule.near.within} words`;
      else if (distinct < rule.minHits) why = `minHits ${rule.minHits}, only ${distinct} distinct term${distinct === 1 ? '' : 's'}`;
      const word = words.forms.slice(hit.a, hit.b + 1).join(' ');
      return { kind: 'cancelled', word, ruleId: rule.id, why, ...spanOfTokens(words, hit.a, hit.b) };
    }
    return null;
  }

  private findFuzzy(form: string): { term: string; distance: number } | null {
    const cached = this.fuzzyCache.get(form);
    if (cached !== undefined) return cached;
    const { positive, clean } = this.stats.countRows(form);
    // a near spelling that clean rows use as often as positive ones is an ordinary word (babi ~ bagi)
    const found = positive >= clean ? (this.fuzzy.findNear(form)[0] ?? null) : null;
    this.fuzzyCache.set(form, found);
    return found;
  }
}

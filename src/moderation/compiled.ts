import type { RE2JS } from 're2js';
import type { ClassScanner } from './class-scanner';
import type { LegalBasisPeriod } from './legal-basis';
import type { Action } from './types';

/** Which text a pattern runs on: the folded text (punctuation kept) or the normalised words joined by spaces. */
export type PatternView = 'text' | 'words';

/** A built-in check a pattern match must also pass. */
export type PatternValidator = 'nik';

/** A rule pattern compiled for the linear-time engine. */
export interface CompiledPattern {
  source: string;
  re: RE2JS;
  view: PatternView;
  /** Cheap gate: the text must contain at least this many digits before the regex runs. */
  minDigits: number;
  /** Declared gate: at least one of these literal strings must occur in the view before the regex runs. */
  requires?: string[];
  /**
   * The clauses (indices into the view's scanner in `CompiledRuleset.gates`) that must all hold in
   * the view before the regex runs: derived from the pattern, plus `requires`. Empty: always runs.
   */
  gate: number[];
  /**
   * A words-view pattern's shadow in the text view: a clause of the text view's scanner that holds
   * whenever the pattern's gate can hold in the words view — the gate's letters and digits,
   * without the spaces and word edges the folded text does not share. It tells a text the words
   * view need not even be made for, unless a word of it was joined from spaced-out letters (its
   * letters are apart in the folded text). -1: none.
   */
  shadow: number;
  validate?: PatternValidator;
}

/** The gate scanners of a ruleset, one per pattern view. */
export type PatternGates = Record<PatternView, ClassScanner>;

/** A signal computed from the whole text rather than from words. */
export type SignalName = 'fancy' | 'repeat';

/** A rule ready to run. Index in `CompiledRuleset.rules` is its id in the term index. */
export interface CompiledRule {
  id: string;
  file: string;
  category: string;
  /** The legal basis over time, in order, covering all time without gaps or overlaps. */
  legalBases: LegalBasisPeriod[];
  action: Action;
  severity: number;
  messages: { id: string; en: string };
  patterns: CompiledPattern[];
  source?: 'obscenity';
  signal?: SignalName;
  near?: { within: number };
  minHits: number;
  escalate?: { action: Action; hits?: number; withAny?: string[] };
  hasTerms: boolean;
  hasAllow: boolean;
}

/** What a trie entry contributes: a term of a rule, an allow phrase, or a `near` marker. */
export const enum EntryKind {
  Term = 0,
  Allow = 1,
  Near = 2,
}

/** One entry in the term index. */
export interface TermEntry {
  rule: number;
  kind: EntryKind;
  /** Index of the term within the whole ruleset (distinct-term counting). */
  term: number;
}

/** A node of the word trie: phrases are paths of lexical word forms. */
export interface TrieNode {
  next: Map<string, TrieNode> | null;
  entries: TermEntry[] | null;
}

/** Summary of one rule file. */
export interface RuleFileSummary {
  name: string;
  categories: string[];
  ruleCount: number;
  termCount: number;
}

/**
 * A validated, compiled ruleset: everything `moderate` needs, built once at load.
 * Treat as immutable; swap whole rulesets to reload.
 */
export interface CompiledRuleset {
  /** Short hash of all rule file contents. */
  version: string;
  files: RuleFileSummary[];
  termCount: number;
  ruleCount: number;
  rules: CompiledRule[];
  /** Rules evaluated on every text (patterns, signals, obscenity), by index. */
  alwaysRules: number[];
  /** One scanner per view that tells, in one pass, which pattern gates a text meets. */
  gates: PatternGates;
  /**
   * Per pattern of `alwaysRules` (their patterns in order, rule by rule), a clause of the text
   * view's scanner that must hold for it to run: one clause of its gate (a text-view pattern) or
   * its shadow (a words-view one, unless a word was joined from spaced-out letters); -1: none. One
   * look-up in the text's clause flags then rules out most patterns of most texts.
   */
  screens: Int32Array;
  trie: Map<string, TrieNode>;
  /** Every word that occurs in any term, allow phrase or marker (affix stems are only tried against these). */
  vocabulary: Set<string>;
  variants: Map<string, string>;
  /** Memo of word → the forms the term index can meet (`matchForms`); depends only on this ruleset, so results stay pure. Bounded. */
  wordCache: Map<string, string[]>;
  compiledAt: string;
  /** The sources it was compiled from, name → YAML (used to validate one changed file against the rest). */
  sources: ReadonlyArray<{ name: string; text: string }>;
}

import { createHash } from 'node:crypto';
import { EntryKind, type CompiledRule, type CompiledRuleset, type RuleFileSummary, type TrieNode } from '../moderation/compiled';
import { RulesetError, type RulesetIssue } from '../moderation/errors';
import { undoLeet, squeezeRepeats } from '../moderation/normalize/lexical';
import { addTerm, termWords } from '../moderation/term-index';
import { compileGates } from './compile-gates';
import { isRuleFileName } from './names';
import { compileLegalBasis } from './compile-legal-basis';
import { compileRule } from './compile-rule';
import { boundRegexMemory } from './regex-memory';
import { parseYamlWithLines, type ParsedYaml } from './parse-yaml';
import { runExamples, type Examples } from './run-examples';
import type { Clause } from './class-strings';
import { ruleFileSchema, variantFileSchema, type RuleFile } from './schema';

/** A rule file as text: `{ name: 'kasar.yaml', text: '<yaml>' }`. */
export interface RuleFileSource {
  name: string;
  text: string;
}


/** True for slang dictionary files (`_variants.yaml`): not rules, they feed the word forms. */
export function isDictionaryFile(name: string): boolean {
  return name.startsWith('_');
}

function zodIssues(parsed: ParsedYaml, error: { issues: Array<{ path: PropertyKey[]; message: string }> }, data: unknown): RulesetIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const ruleIndex = path[0] === 'rules' && typeof path[1] === 'number' ? path[1] : undefined;
    const rules = (data as { rules?: Array<{ id?: unknown }> } | null)?.rules;
    const id = ruleIndex !== undefined ? rules?.[ruleIndex]?.id : undefined;
    const out: RulesetIssue = { file: parsed.name, line: parsed.lineOf(path), message: `${path.join('.') || '(file)'}: ${issue.message}` };
    if (typeof id === 'string') out.ruleId = id;
    return out;
  });
}

function collectVariants(dicts: ParsedYaml[], issues: RulesetIssue[]): Map<string, string> {
  const variants = new Map<string, string>();
  for (const parsed of dicts) {
    const result = variantFileSchema.safeParse(parsed.data);
    if (!result.success) {
      issues.push(...zodIssues(parsed, result.error, parsed.data));
      continue;
    }
    for (const [canonical, spellings] of Object.entries(result.data.variants)) {
      const target = termWords(canonical, new Map()).join(' ');
      for (const s of spellings) {
        const spelled = undoLeet(s.toLowerCase());
        variants.set(spelled, target);
        // 'mmk' must not become 'mk' (Mahkamah Konstitusi): squeeze only when it keeps 4+ letters
        const squeezed = squeezeRepeats(spelled);
        if (squeezed.length >= 4 && !variants.has(squeezed)) variants.set(squeezed, target);
      }
    }
  }
  return variants;
}

/** The version of a set of rule files: a short hash of their names and contents (`CompiledRuleset.version`). */
export function hashSources(sources: readonly RuleFileSource[]): string {
  const h = createHash('sha256');
  for (const s of [...sources].sort((a, b) => a.name.localeCompare(b.name))) h.update(`${s.name}\0${s.text}\0`);
  return h.digest('hex').slice(0, 12);
}

/** How a ruleset is compiled. */
export interface CompileOptions {
  /**
   * Run every rule's examples (default). Only a caller that knows these exact sources passed them
   * with this exact engine before may skip them (`loadRulesetFromDir` with an examples cache).
   */
  runExamples?: boolean;
  /**
   * Each file's data as its YAML parsed before, by file name: given only by a cache that these
   * exact sources compiled and passed their examples with (`ExamplesCache`), so their YAML is not
   * parsed again. The data is still validated; lines of issues in such a file are not known.
   */
  parsed?: ReadonlyMap<string, unknown>;
  /** Each pattern's derived gate (`patternGate`) by its source, from the same cache. */
  patternGates?: ReadonlyMap<string, Clause[]>;
}

/** A file from `CompileOptions.parsed`: its data, no lines. */
function parsedBefore(name: string, data: unknown): ParsedYaml {
  return { name, data, lineOf: () => undefined };
}

/**
 * Validates and compiles rule files into one ruleset: schema, linear-time regexes,
 * duplicate ids, then every rule's examples. Throws `RulesetError` listing every problem.
 */
export function compileRuleset(sources: RuleFileSource[], options: CompileOptions = {}): CompiledRuleset {
  const issues: RulesetIssue[] = [];
  const parsedFiles: ParsedYaml[] = [];
  const before = options.parsed;
  for (const source of sources) {
    if (!isRuleFileName(source.name)) issues.push({ file: source.name, message: 'file name must be lower-case letters, digits, "_" or "-", ending in .yaml or .yml' });
    const { parsed, issues: yamlIssues } = before?.has(source.name) === true ? { parsed: parsedBefore(source.name, before.get(source.name)), issues: [] } : parseYamlWithLines(source.name, source.text);
    issues.push(...yamlIssues);
    if (parsed !== undefined) parsedFiles.push(parsed);
  }
  const variants = collectVariants(parsedFiles.filter((p) => isDictionaryFile(p.name)), issues);
  const trie = new Map<string, TrieNode>();
  const vocabulary = new Set<string>();
  const rules: CompiledRule[] = [];
  const files: RuleFileSummary[] = [];
  const ruleLines = new Map<string, { parsed: ParsedYaml; index: number }>();
  const examples = new Map<string, Examples>();
  let termIndex = 0;
  let termCount = 0;
  const add = (words: string[], rule: number, kind: EntryKind): void => {
    for (const w of words) vocabulary.add(w);
    if (addTerm(trie, words, { rule, kind, term: termIndex++ }) && kind === EntryKind.Term) termCount++;
  };
  for (const parsed of parsedFiles.filter((p) => !isDictionaryFile(p.name))) {
    const result = ruleFileSchema.safeParse(parsed.data);
    if (!result.success) {
      issues.push(...zodIssues(parsed, result.error, parsed.data));
      continue;
    }
    const file: RuleFile = result.data;
    const fileBasis = compileLegalBasis(file.legalBasis, { file: parsed.name, line: parsed.lineOf(['legalBasis']), periodLine: (k) => parsed.lineOf(['legalBasis', k]) }, issues);
    const summary: RuleFileSummary = { name: parsed.name, categories: [], ruleCount: file.rules.length, termCount: 0 };
    file.rules.forEach((def, i) => {
      const at = {
        file: parsed.name,
        line: parsed.lineOf(['rules', i, 'id']),
        ruleId: def.id,
        patternLine: (k: number) => parsed.lineOf(['rules', i, 'patterns', k]),
        basisLine: (k: number) => parsed.lineOf(k < 0 ? ['rules', i, 'legalBasis'] : ['rules', i, 'legalBasis', k]),
      };
      if (ruleLines.has(def.id)) issues.push({ file: at.file, line: at.line, ruleId: def.id, message: `duplicate rule id ${def.id}` });
      ruleLines.set(def.id, { parsed, index: i });
      if (def.examples !== undefined) examples.set(def.id, def.examples);
      const index = rules.length;
      const rule = compileRule(file, def, at, issues, fileBasis);
      rules.push(rule);
      if (!summary.categories.includes(rule.category)) summary.categories.push(rule.category);
      for (const t of def.terms ?? []) add(termWords(t, variants), index, EntryKind.Term);
      for (const t of [...(def.allow ?? []), ...(file.allow ?? [])]) add(termWords(t, variants), index, EntryKind.Allow);
      for (const t of def.near?.terms ?? []) add(termWords(t, variants), index, EntryKind.Near);
      summary.termCount += def.terms?.length ?? 0;
    });
    files.push(summary);
  }
  if (issues.length > 0) throw new RulesetError(issues);
  boundRegexMemory(rules.flatMap((r) => r.patterns.map((p) => p.re)));
  const ruleset: CompiledRuleset = {
    version: hashSources(sources),
    files,
    termCount,
    ruleCount: rules.length,
    rules,
    alwaysRules: rules.flatMap((r, i) => (r.patterns.length > 0 || r.signal !== undefined || r.source !== undefined ? [i] : [])),
    gates: compileGates(rules, options.patternGates),
    trie,
    vocabulary,
    variants,
    wordCache: new Map(),
    compiledAt: new Date().toISOString(),
    sources: sources.map((s) => ({ name: s.name, text: s.text })),
  };
  if (options.runExamples === false) return ruleset;
  const failures = runExamples(ruleset, examples, (id, kind, n) => {
    const at = ruleLines.get(id);
    return at?.parsed.lineOf(['rules', at.index, 'examples', kind, n]);
  });
  if (failures.length > 0) throw new RulesetError(failures);
  return ruleset;
}

import { createHash } from 'node:crypto';
import { EntryKind, type CompiledRule, type CompiledRuleset, type RuleFileSummary, type TrieNode } from '../moderation/compiled';
import { RulesetError, type RulesetIssue } from '../moderation/errors';
import { undoLeet, squeezeRepeats } from '../moderation/normalize/lexical';
import { addTerm, termWords } from '../moderation/term-index';
import { compileGates, patternScreens } from './compile-gates';
import { isRuleFileName } from './names';
import { compileLegalBasis } from './compile-legal-basis';
import { compileRule, type DeferredPatterns } from './compile-rule';
import { giveShare, regexShare } from './regex-memory';
import type { ParsedYaml } from './parse-yaml';
import { ruleSchemas, yamlParser } from './lazy-modules';
import { runExamples, type Examples } from './run-examples';
import type { Clause } from './class-strings';
import type { RuleFile, VariantFile } from './schema';

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

type SafeParse<T> = (data: unknown) => { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };

/**
 * A file's data checked by its schema (null, with its issues added, when refused). Data from the
 * examples cache (`trusted`: it was validated when it was recorded, and the marker's checksum holds)
 * is taken as it is, and the schema is not even loaded.
 */
function checked<T>(parsed: ParsedYaml, trusted: ReadonlySet<string>, schema: () => SafeParse<T>, issues: RulesetIssue[]): T | null {
  if (trusted.has(parsed.name)) return parsed.data as T;
  const result = schema()(parsed.data);
  if (result.success) return result.data;
  issues.push(...zodIssues(parsed, result.error, parsed.data));
  return null;
}

const variantFile = (): SafeParse<VariantFile> => (data) => ruleSchemas().variantFileSchema.safeParse(data);
const ruleFile = (): SafeParse<RuleFile> => (data) => ruleSchemas().ruleFileSchema.safeParse(data);

function collectVariants(dicts: ParsedYaml[], trusted: ReadonlySet<string>, issues: RulesetIssue[]): Map<string, string> {
  const variants = new Map<string, string>();
  for (const parsed of dicts) {
    const data = checked(parsed, trusted, variantFile, issues);
    if (data === null) continue;
    for (const [canonical, spellings] of Object.entries(data.variants)) {
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
   * parsed again nor their data validated again (it was when it was recorded). Lines of issues in
   * such a file are not known.
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
    const { parsed, issues: yamlIssues } = before?.has(source.name) === true ? { parsed: parsedBefore(source.name, before.get(source.name)), issues: [] } : yamlParser().parseYamlWithLines(source.name, source.text);
    issues.push(...yamlIssues);
    if (parsed !== undefined) parsedFiles.push(parsed);
  }
  const trusted = new Set(before?.keys() ?? []);
  const deferred: DeferredPatterns = { share: 0 };
  const variants = collectVariants(parsedFiles.filter((p) => isDictionaryFile(p.name)), trusted, issues);
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
    const file = checked(parsed, trusted, ruleFile, issues);
    if (file === null) continue;
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
      const rule = compileRule(file, def, at, issues, fileBasis, trusted.has(parsed.name) ? deferred : undefined);
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
  // every pattern's DFA gets its share of the memory: now, or when a deferred one is first compiled
  deferred.share = regexShare(rules.reduce((n, r) => n + r.patterns.length, 0));
  for (const rule of rules) if (!trusted.has(rule.file)) for (const p of rule.patterns) giveShare(p.re, deferred.share);
  const alwaysRules = rules.flatMap((r, i) => (r.patterns.length > 0 || r.signal !== undefined || r.source !== undefined ? [i] : []));
  const gates = compileGates(rules, options.patternGates);
  const ruleset: CompiledRuleset = {
    version: hashSources(sources),
    files,
    termCount,
    ruleCount: rules.length,
    rules,
    alwaysRules,
    gates,
    screens: patternScreens(alwaysRules.flatMap((i) => (rules[i] as CompiledRule).patterns)),
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

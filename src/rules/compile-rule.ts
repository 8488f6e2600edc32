import { RE2JS } from 're2js';
import type { CompiledPattern, CompiledRule } from '../moderation/compiled';
import type { RulesetIssue } from '../moderation/errors';
import type { LegalBasisPeriod } from '../moderation/legal-basis';
import { compileLegalBasis } from './compile-legal-basis';
import { giveShare } from './regex-memory';
import type { PatternDef, RuleDef, RuleFile } from './schema';

/** Where a rule sits, for messages. */
export interface RuleLocation {
  file: string;
  line?: number;
  ruleId: string;
  /** Line of the rule's k-th pattern, when known. */
  patternLine?: (k: number) => number | undefined;
  /** Line of the k-th period of the rule's own `legalBasis`, when known. */
  basisLine?: (k: number) => number | undefined;
}

const MAX_PROGRAM_SIZE = 5000;

/**
 * Patterns known to compile and pass the checks below with this engine (the examples cache
 * recorded these exact rule files): each is compiled by re2js the first time a text gets past its
 * gate, then given its `share` of the DFA memory (set once the ruleset's patterns are counted).
 * `saring check` on a few comments then compiles only the patterns they reach.
 */
export interface DeferredPatterns {
  share: number;
}

/**
 * Compiles one pattern on re2js (linear time). Refuses what re2js rejects (look-arounds,
 * back-references), patterns that match the empty string and oversized programs.
 */
export function compilePattern(def: PatternDef, rule: RuleDef, where: RuleLocation, issues: RulesetIssue[], k = 0, deferred?: DeferredPatterns): CompiledPattern | null {
  const at: Omit<RulesetIssue, 'message'> = { file: where.file, ruleId: where.ruleId };
  const line = where.patternLine?.(k) ?? where.line;
  if (line !== undefined) at.line = line;
  const spec = typeof def === 'string' ? { re: def } : def;
  const requires = 'requires' in spec && spec.requires !== undefined ? spec.requires.map((r) => r.toLowerCase()) : undefined;
  const view = spec.view ?? rule.view ?? 'text';
  if (deferred !== undefined) {
    let compiled: RE2JS | null = null;
    const source = spec.re;
    return {
      source,
      get re(): RE2JS {
        if (compiled === null) {
          compiled = RE2JS.compile(source);
          giveShare(compiled, deferred.share);
        }
        return compiled;
      },
      view,
      minDigits: spec.minDigits ?? 0,
      requires,
      gate: [],
      shadow: -1,
      validate: spec.validate,
    };
  }
  let re: RE2JS;
  try {
    // the text a pattern sees is already lower-cased; without the flag re2js keeps its literal prefilter
    re = RE2JS.compile(spec.re);
  } catch (err) {
    issues.push({ ...at, message: `pattern ${JSON.stringify(spec.re)} refused by the linear-time engine: ${(err as Error).message}` });
    return null;
  }
  if (re.programSize() > MAX_PROGRAM_SIZE) {
    issues.push({ ...at, message: `pattern ${JSON.stringify(spec.re)} is too large (${re.programSize()} instructions, max ${MAX_PROGRAM_SIZE})` });
    return null;
  }
  if (re.matcher('').find() || re.test(' ')) {
    const m = re.matcher(' ');
    if (!m.find() || m.end() === m.start()) {
      issues.push({ ...at, message: `pattern ${JSON.stringify(spec.re)} matches the empty string` });
      return null;
    }
  }
  // every pattern (and every rule below) has the same properties, set or undefined: the engine's
  // loops then read objects of one shape, which V8 makes fast
  return { source: spec.re, re, view, minDigits: spec.minDigits ?? 0, requires, gate: [], shadow: -1, validate: spec.validate };
}

function ruleBasis(rule: RuleDef, fileBasis: LegalBasisPeriod[], at: RuleLocation, issues: RulesetIssue[]): LegalBasisPeriod[] {
  if (rule.legalBasis === undefined) return fileBasis;
  const where = { file: at.file, ruleId: at.ruleId, line: at.basisLine?.(-1) ?? at.line, periodLine: (k: number) => at.basisLine?.(k) };
  return compileLegalBasis(rule.legalBasis, where, issues);
}

/** Builds the runtime form of a rule, inheriting file defaults (`fileBasis`: the file's compiled `legalBasis`). */
export function compileRule(file: RuleFile, rule: RuleDef, at: RuleLocation, issues: RulesetIssue[], fileBasis: LegalBasisPeriod[], deferred?: DeferredPatterns): CompiledRule {
  const patterns: CompiledPattern[] = [];
  for (const [k, p] of (rule.patterns ?? []).entries()) {
    const compiled = compilePattern(p, rule, at, issues, k, deferred);
    if (compiled !== null) patterns.push(compiled);
  }
  const compiled: CompiledRule = {
    id: rule.id,
    file: at.file,
    category: rule.category ?? file.category,
    legalBases: ruleBasis(rule, fileBasis, at, issues),
    action: rule.action ?? file.action,
    severity: rule.severity ?? file.severity ?? 2,
    messages: rule.messages ?? file.messages,
    patterns,
    source: rule.source,
    signal: rule.signal,
    near: rule.near === undefined ? undefined : { within: rule.near.within },
    minHits: rule.minHits ?? 1,
    escalate: rule.escalate === undefined ? undefined : { action: rule.escalate.action, hits: rule.escalate.hits, withAny: rule.escalate.withAny },
    hasTerms: (rule.terms?.length ?? 0) > 0,
    hasAllow: (rule.allow?.length ?? 0) + (file.allow?.length ?? 0) > 0,
  };
  return compiled;
}

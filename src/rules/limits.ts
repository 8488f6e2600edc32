import type { RulesetIssue } from '../moderation/errors';
import { defaultYamlLimits, parseYamlWithLines, type ParsedYaml } from './parse-yaml';

/**
 * Bounds on one rule file submitted through the API (`POST /v1/rules/validate`,
 * `PUT /v1/rules/:name`). They are checked before anything is compiled, so the
 * cost of a candidate is bounded by its shape and not only by the time budget.
 * Defaults and environment variables: docs/reliability.md.
 */
export interface RuleFileLimits {
  maxFileBytes: number;
  maxRules: number;
  maxTerms: number;
  maxPatterns: number;
  maxExamples: number;
  maxExampleLength: number;
  maxDepth: number;
  maxAliases: number;
}

export const defaultRuleFileLimits: Readonly<RuleFileLimits> = Object.freeze({
  maxFileBytes: 512 * 1024,
  maxRules: 500,
  maxTerms: 20_000,
  maxPatterns: 500,
  maxExamples: 1_000,
  maxExampleLength: 1_000,
  ...defaultYamlLimits,
});

/** An issue that says which limit a file broke, with its value and the limit. */
export interface LimitIssue extends RulesetIssue {
  limit: keyof RuleFileLimits;
}

type Rec = Record<string, unknown>;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asRec = (v: unknown): Rec => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {});

interface Counts {
  rules: number;
  terms: number;
  patterns: number;
  examples: number;
  longestExample?: { length: number; line: number | undefined };
}

function countFile(parsed: ParsedYaml): Counts {
  const rules = asArray(asRec(parsed.data).rules);
  const counts: Counts = { rules: rules.length, terms: asArray(asRec(parsed.data).allow).length, patterns: 0, examples: 0 };
  rules.forEach((raw, i) => {
    const rule = asRec(raw);
    counts.terms += asArray(rule.terms).length + asArray(rule.allow).length + asArray(asRec(rule.near).terms).length;
    counts.patterns += asArray(rule.patterns).length;
    for (const kind of ['match', 'noMatch'] as const) {
      asArray(asRec(rule.examples)[kind]).forEach((text, k) => {
        counts.examples++;
        const length = typeof text === 'string' ? text.length : 0;
        if (length > (counts.longestExample?.length ?? 0)) counts.longestExample = { length, line: parsed.lineOf(['rules', i, 'examples', kind, k]) };
      });
    }
  });
  return counts;
}

/**
 * The limits a candidate file breaks (empty when none). YAML that cannot even be read
 * within the depth and alias limits comes back as a limit issue with its line.
 *
 * @example
 * checkRuleFileLimits({ name: 'x.yaml', text }, defaultRuleFileLimits)
 * // [{ file: 'x.yaml', limit: 'maxPatterns', message: 'x.yaml has 49000 patterns; the limit is 500 (maxPatterns)' }]
 */
export function checkRuleFileLimits(file: { name: string; text: string }, limits: Readonly<RuleFileLimits> = defaultRuleFileLimits): LimitIssue[] {
  const bytes = Buffer.byteLength(file.text, 'utf8');
  const over = (limit: keyof RuleFileLimits, what: string, value: number, line?: number): LimitIssue => ({
    file: file.name,
    ...(line !== undefined ? { line } : {}),
    limit,
    message: `${file.name} has ${value} ${what}; the limit is ${limits[limit]} (${limit})`,
  });
  if (bytes > limits.maxFileBytes) return [over('maxFileBytes', 'bytes', bytes)];
  const { parsed, issues } = parseYamlWithLines(file.name, file.text, limits);
  const shapeIssue = issues.find((i) => /limit max(Depth|Aliases)/.test(i.message));
  if (shapeIssue) return [{ ...shapeIssue, limit: /maxAliases/.test(shapeIssue.message) ? 'maxAliases' : 'maxDepth' }];
  if (!parsed) return []; // a plain syntax error: the compiler reports it with its line
  const c = countFile(parsed);
  const out: LimitIssue[] = [];
  if (c.rules > limits.maxRules) out.push(over('maxRules', 'rules', c.rules));
  if (c.terms > limits.maxTerms) out.push(over('maxTerms', 'terms and allow phrases', c.terms));
  if (c.patterns > limits.maxPatterns) out.push(over('maxPatterns', 'patterns', c.patterns));
  if (c.examples > limits.maxExamples) out.push(over('maxExamples', 'examples', c.examples));
  if (c.longestExample && c.longestExample.length > limits.maxExampleLength) {
    out.push({ ...over('maxExampleLength', 'characters in its longest example', c.longestExample.length, c.longestExample.line) });
  }
  return out;
}

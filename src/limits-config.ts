import { z } from 'zod';
import { defaultCostGate, type CostGate } from './rules/cost-gate';
import { defaultRuleFileLimits, type RuleFileLimits } from './rules/limits';
import { defaultValidateBudget, type ValidateBudget } from './rules/validate-worker';

/**
 * The bounds on the work, memory and replay one caller can cause (issue 13).
 * Parsed from the environment with the rest of the configuration (config.ts);
 * every variable, its default and why: docs/reliability.md.
 */
export interface LimitsConfig {
  ruleFile: Readonly<RuleFileLimits>;
  validate: Readonly<ValidateBudget & { perMinute: number; burst: number; maxConcurrent: number }>;
  costGate: Readonly<CostGate>;
  /** Express `trust proxy`: false, true, a hop count or a list of addresses/subnets. */
  trustProxy: boolean | number | string;
  auth: Readonly<{ cacheMax: number; negativeMax: number; unknownPerSec: number; unknownBurst: number }>;
  recentTextsBytes: number;
  stream: Readonly<{ maxReplaysPerPrincipal: number; maxReplay: number }>;
}

const int = (min: number, def: number) => z.coerce.number().int().min(min).default(def);
const num = (min: number, def: number) => z.coerce.number().min(min).default(def);
const L = defaultRuleFileLimits;

const schema = z.object({
  SARING_RULES_MAX_FILE_BYTES: int(1, L.maxFileBytes),
  SARING_RULES_MAX_RULES: int(1, L.maxRules),
  SARING_RULES_MAX_TERMS: int(1, L.maxTerms),
  SARING_RULES_MAX_PATTERNS: int(0, L.maxPatterns),
  SARING_RULES_MAX_EXAMPLES: int(0, L.maxExamples),
  SARING_RULES_MAX_EXAMPLE_LENGTH: int(1, L.maxExampleLength),
  SARING_RULES_MAX_DEPTH: int(2, L.maxDepth).pipe(z.number().max(256)),
  SARING_RULES_MAX_ALIASES: int(0, L.maxAliases),
  SARING_RULES_VALIDATE_TIMEOUT_MS: int(100, defaultValidateBudget.timeoutMs),
  SARING_RULES_VALIDATE_MEMORY_MB: int(32, defaultValidateBudget.memoryMb),
  SARING_RULES_VALIDATE_PER_MIN: num(0, 30),
  SARING_RULES_VALIDATE_BURST: int(1, 10),
  SARING_RULES_VALIDATE_CONCURRENCY: int(1, 1),
  SARING_RULES_MAX_HIT_SHARE: num(0, defaultCostGate.maxHitShare).pipe(z.number().max(1)),
  SARING_RULES_MAX_COST_FACTOR: num(1, defaultCostGate.maxCostFactor),
  SARING_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v): boolean | number | string => (v === 'true' ? true : v === 'false' || v === '' ? false : /^\d+$/.test(v) ? Number(v) : v)),
  SARING_AUTH_CACHE_MAX: int(1, 10_000),
  SARING_AUTH_NEGATIVE_CACHE_MAX: int(1, 10_000),
  SARING_RATE_UNKNOWN_TOKEN_PER_SEC: num(0, 10),
  SARING_RATE_UNKNOWN_TOKEN_BURST: int(1, 50),
  SARING_RECENT_TEXTS_MAX_BYTES: int(1024, 16 * 1024 * 1024),
  SARING_STREAM_MAX_REPLAYS: int(1, 2),
  SARING_STREAM_MAX_REPLAY_EVENTS: int(1, 5000),
});

/** The limits from an environment, or the problems as `VARIABLE: message` lines. */
export function parseLimits(env: NodeJS.ProcessEnv): { limits: Readonly<LimitsConfig> } | { problems: string[] } {
  const parsed = schema.safeParse(env);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const e = parsed.data;
  return {
    limits: Object.freeze({
      ruleFile: Object.freeze({
        maxFileBytes: e.SARING_RULES_MAX_FILE_BYTES,
        maxRules: e.SARING_RULES_MAX_RULES,
        maxTerms: e.SARING_RULES_MAX_TERMS,
        maxPatterns: e.SARING_RULES_MAX_PATTERNS,
        maxExamples: e.SARING_RULES_MAX_EXAMPLES,
        maxExampleLength: e.SARING_RULES_MAX_EXAMPLE_LENGTH,
        maxDepth: e.SARING_RULES_MAX_DEPTH,
        maxAliases: e.SARING_RULES_MAX_ALIASES,
      }),
      validate: Object.freeze({
        timeoutMs: e.SARING_RULES_VALIDATE_TIMEOUT_MS,
        memoryMb: e.SARING_RULES_VALIDATE_MEMORY_MB,
        perMinute: e.SARING_RULES_VALIDATE_PER_MIN,
        burst: e.SARING_RULES_VALIDATE_BURST,
        maxConcurrent: e.SARING_RULES_VALIDATE_CONCURRENCY,
      }),
      costGate: Object.freeze({ maxHitShare: e.SARING_RULES_MAX_HIT_SHARE, maxCostFactor: e.SARING_RULES_MAX_COST_FACTOR }),
      trustProxy: e.SARING_TRUST_PROXY,
      auth: Object.freeze({ cacheMax: e.SARING_AUTH_CACHE_MAX, negativeMax: e.SARING_AUTH_NEGATIVE_CACHE_MAX, unknownPerSec: e.SARING_RATE_UNKNOWN_TOKEN_PER_SEC, unknownBurst: e.SARING_RATE_UNKNOWN_TOKEN_BURST }),
      recentTextsBytes: e.SARING_RECENT_TEXTS_MAX_BYTES,
      stream: Object.freeze({ maxReplaysPerPrincipal: e.SARING_STREAM_MAX_REPLAYS, maxReplay: e.SARING_STREAM_MAX_REPLAY_EVENTS }),
    }),
  };
}

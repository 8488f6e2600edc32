import path from 'node:path';
import { z } from 'zod';
import { parseLimits, type LimitsConfig } from './limits-config';

/**
 * The one configuration schema. Validated once at start, frozen, passed in.
 * A bad value stops the service with a message naming the variable.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  MONGO_URL: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  SARING_DATA_DIR: z.string().min(1).default('./data'),
  SARING_RULES_DIR: z.string().min(1).default('./rules'),
  SARING_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SARING_INSTANCE_ID: z.string().min(1).optional(),
  SARING_MAX_TEXT_LENGTH: z.coerce.number().int().min(1).max(100_000).default(10_000),
  SARING_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i).default('64kb'),
  SARING_EVENT_RETENTION_HOURS: z.coerce.number().positive().default(72),
  /** Delivered and failed webhook deliveries are deleted this many days after their last attempt (pending ones stay). */
  SARING_WEBHOOK_RETENTION_DAYS: z.coerce.number().positive().default(7),
  SARING_WATCH_RULES: z.enum(['true', 'false']).default('true'),
  /** Per token (principal): sustained requests per second and burst; 0 turns the limit off. */
  SARING_RATE_TOKEN_PER_SEC: z.coerce.number().min(0).default(200),
  SARING_RATE_TOKEN_BURST: z.coerce.number().int().min(1).default(400),
  /** Per site and author on POST /v1/comments: sustained comments per minute and burst; 0 turns it off. */
  SARING_RATE_AUTHOR_PER_MIN: z.coerce.number().min(0).default(30),
  SARING_RATE_AUTHOR_BURST: z.coerce.number().int().min(1).default(60),
  /** Origins (comma-separated) allowed to call the API from a browser, e.g. a moderator page hosted elsewhere. */
  SARING_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'each origin must look like https://host[:port]'))),
});

export interface Config {
  port: number;
  host: string;
  mongoUrl: string | undefined;
  dataDir: string;
  rulesDir: string;
  adminToken: string | undefined;
  logLevel: string;
  instanceId: string | undefined;
  maxTextLength: number;
  bodyLimit: string;
  eventRetentionHours: number;
  webhookRetentionDays: number;
  watchRules: boolean;
  rateLimits: { token: { perSecond: number; burst: number }; author: { perSecond: number; burst: number } };
  corsOrigins: string[];
  /** Bounds on work, memory and replay per caller (limits-config.ts, docs/reliability.md). */
  limits: Readonly<LimitsConfig>;
}

/** Thrown when the environment holds a bad value; the message names the variable. */
export class ConfigError extends Error {}

/**
 * An empty variable (`MONGO_URL=`, `PORT=` in a .env or compose file) counts as
 * unset, so its default applies rather than a stop or a surprising value (an
 * empty PORT would otherwise coerce to 0, a random port).
 */
function withoutEmpty(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
}

/** Parses and freezes the configuration from an environment object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const cleanEnv = withoutEmpty(env);
  const parsed = schema.safeParse(cleanEnv);
  const limits = parseLimits(cleanEnv);
  if (!parsed.success || 'problems' in limits) {
    const lines = [...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)), ...('problems' in limits ? limits.problems : [])];
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    mongoUrl: e.MONGO_URL,
    dataDir: path.resolve(e.SARING_DATA_DIR),
    rulesDir: path.resolve(e.SARING_RULES_DIR),
    adminToken: e.SARING_ADMIN_TOKEN,
    logLevel: e.LOG_LEVEL,
    instanceId: e.SARING_INSTANCE_ID,
    maxTextLength: e.SARING_MAX_TEXT_LENGTH,
    bodyLimit: e.SARING_BODY_LIMIT,
    eventRetentionHours: e.SARING_EVENT_RETENTION_HOURS,
    webhookRetentionDays: e.SARING_WEBHOOK_RETENTION_DAYS,
    watchRules: e.SARING_WATCH_RULES === 'true',
    rateLimits: Object.freeze({
      token: { perSecond: e.SARING_RATE_TOKEN_PER_SEC, burst: e.SARING_RATE_TOKEN_BURST },
      author: { perSecond: e.SARING_RATE_AUTHOR_PER_MIN / 60, burst: e.SARING_RATE_AUTHOR_BURST },
    }),
    corsOrigins: Object.freeze(e.SARING_CORS_ORIGINS) as string[],
    limits: limits.limits,
  });
}

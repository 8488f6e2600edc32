import path from 'node:path';
import { z } from 'zod';

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
  SARING_WATCH_RULES: z.enum(['true', 'false']).default('true'),
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
  watchRules: boolean;
}

/** Thrown when the environment holds a bad value; the message names the variable. */
export class ConfigError extends Error {}

/** Parses and freezes the configuration from an environment object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
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
    watchRules: e.SARING_WATCH_RULES === 'true',
  });
}

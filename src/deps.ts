import type { Logger } from 'pino';
import type { Authenticator } from './auth/authenticate';
import type { Config } from './config';
import type { EventPublisher } from './events/types';
import type { Metrics } from './metrics';
import type { CompiledRuleset } from './moderation';
import type { ReloadResult } from './rules/watcher';
import type { Store } from './store/connect';

/** Anything that hands out the current (last good) ruleset. */
export interface RuleProvider {
  current(): CompiledRuleset;
  /**
   * Compiles the rules directory with `name` holding `content` (once, on the main thread),
   * writes the file when that compile succeeds and serves the result; a refusal writes nothing.
   * Absent on a read-only provider, which makes `PUT /v1/rules/:name` answer 409.
   */
  applyEdit?(name: string, content: string): Promise<ReloadResult>;
}

/** Everything the app needs, built by server.ts (or a test) and passed in. */
export interface AppDeps {
  config: Readonly<Config>;
  store: Store;
  rules: RuleProvider;
  logger: Logger;
  metrics: Metrics;
  auth: Authenticator;
  events: EventPublisher;
  /** Injectable clock (tests). */
  now: () => Date;
}

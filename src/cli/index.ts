import { describeRefusal, isRefusal } from '../errors';
import type { CommandIo } from './cli-io';

export const help = `saring — comment moderation for Indonesian news sites

Usage:
  saring serve                         run the service (same as npm start; configured by env)
  saring check [--rules DIR] [--input FILE] [--labels FIELD]
                                       moderate JSON lines (or plain lines) offline
  saring check --input FILE --labels FIELD --show misses|false-positives [--limit N]
                                       the rows the rules get wrong, grouped by word
  saring eval [--dir DIR] [--rules DIR] precision / recall / F1 on the labelled dev files
  saring rules validate [DIR]          validate a rules directory (default ./rules)
  saring rules suggest --input FILE --labels FIELD [--category C] [--limit N]
                                       candidate terms for missed positives, as YAML
  saring db [--port N] [--dir DIR]     run the embedded store; prints its mongodb:// URL first
  saring sites create --id ID --name NAME [--mongo URL]
  saring tokens create --role moderator --sites a,b [--mongo URL]
  saring --help | <command> --help

Environment: PORT, MONGO_URL, SARING_DATA_DIR, SARING_RULES_DIR, SARING_ADMIN_TOKEN, LOG_LEVEL.
`;

/** `saring serve`: starts the service like `npm start` and stops it cleanly on SIGINT/SIGTERM. */
export async function runServe(_argv: string[], io: CommandIo): Promise<number> {
  const [{ loadConfig }, { createLogger }, { startServer }] = await Promise.all([import('../config'), import('../logger'), import('../server')]);
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const running = await startServer(config, logger).catch((err: unknown) => {
    // A half-started service (store open, rules refused) must not linger: exit like server.ts does.
    io.stderr.write(`saring serve: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  logger.info({ signal }, 'signal received');
  await running.shutdown();
  // As server.ts does: background timers (event poller, webhook worker) must not keep a stopped service alive.
  process.exit(0);
}

type Command = (argv: string[], io: CommandIo) => Promise<number>;

/**
 * Command words → a loader of its handler; two-word commands are keyed
 * "sites create". Loaded lazily so `saring check` does not pay for Express
 * and mongoose.
 */
const commands: Record<string, () => Promise<Command>> = {
  serve: async () => runServe,
  check: async () => (await import('./check')).runCheck,
  eval: async () => (await import('./eval')).runEval,
  db: async () => (await import('./db')).runDb,
  'rules validate': async () => (await import('./rules-validate')).runRulesValidate,
  'rules suggest': async () => (await import('./rules-suggest')).runRulesSuggest,
  'sites create': async () => (await import('./admin')).runSitesCreate,
  'tokens create': async () => (await import('./admin')).runTokensCreate,
};

/** Finds the command for argv: the two-word form first, then the one-word form. */
export function resolveCommand(argv: string[]): { command?: () => Promise<Command>; rest: string[]; name: string } {
  const two = argv.slice(0, 2).join(' ');
  if (commands[two]) return { command: commands[two], rest: argv.slice(2), name: two };
  const one = argv[0] ?? '';
  return { command: commands[one], rest: argv.slice(1), name: one };
}

/**
 * True for a bad-configuration error. The config module (zod schemas, limits) is loaded only here,
 * on a failure, so that `saring check` does not load it: a command that never loaded it cannot
 * have thrown its error, and then loading it costs nothing that matters.
 */
async function isConfigError(err: unknown): Promise<boolean> {
  const { ConfigError } = await import('../config');
  return err instanceof ConfigError;
}

/**
 * Runs the CLI and returns its exit code: 0 ok, 1 failure, 2 usage.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: string[], io: CommandIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(help);
    return argv.length === 0 ? 2 : 0;
  }
  const { command, rest, name } = resolveCommand(argv);
  if (!command) {
    io.stderr.write(`saring: unknown command "${argv.join(' ')}"\n\n${help}`);
    return 2;
  }
  try {
    return await (await command())(rest, io);
  } catch (err) {
    // a use case's refusal (a taken id, an unknown site) is the caller's mistake, like a bad flag
    if (isRefusal(err)) {
      io.stderr.write(`saring ${name}: ${describeRefusal(err)}\n`);
      return 2;
    }
    const usage = (err as Error)?.name === 'UsageError' || (await isConfigError(err)) || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr.write(`saring ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return usage ? 2 : 1;
  }
}

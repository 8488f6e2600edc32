import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { hashSources, type RuleFileSource } from './compile';
import type { CompiledRuleset } from '../moderation/compiled';
import type { Clause } from './class-strings';
import type { CompileOptions } from './compile';
import { yamlParser } from './lazy-modules';
import { patternGate } from './regex-gate';

let fingerprint: string | null = null;

/** A hash of the engine's own code (the compiled moderation and rules modules), read once. */
function engineFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(js|ts)$/.test(name)) h.update(`${name}\0`).update(readFileSync(file));
    }
  };
  for (const dir of ['moderation', 'rules']) walk(path.resolve(__dirname, '..', dir));
  fingerprint = h.digest('hex');
  return fingerprint;
}

/** The libraries whose behaviour the rules' checks depend on (a pattern re2js takes, obscenity's list, what YAML and zod accept). */
const ENGINE_LIBRARIES = ['re2js', 'obscenity', 'yaml', 'zod'] as const;

/**
 * The installed version of each engine library: an upgrade, with the engine's own code unchanged,
 * is a new engine too (a pattern the new re2js refuses must be refused, not met at its first use).
 */
export function engineLibraries(root = packageRoot()): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of ENGINE_LIBRARIES) {
    try {
      versions[name] = String((JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version?: unknown }).version);
    } catch {
      versions[name] = 'unknown';
    }
  }
  return versions;
}

/** The package root (where package.json is), whether running from src/ or dist/src/. */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * Remembers which rule sources passed their examples with this build of the engine (its code and
 * the versions of its libraries), so that a
 * command run again on unchanged rules (`saring check`, `saring eval`) skips running them and
 * parsing their YAML: a marker file per (engine code, sources) under the package's
 * `.cache/examples/`, holding each file's parsed data. Any change to a
 * rule file or to the engine's code gives a new key, and the examples run again.
 */
export class ExamplesCache {
  /** `libraries`: the engine libraries' versions (`engineLibraries()`; given by tests). */
  constructor(
    private readonly dir = path.join(packageRoot(), '.cache', 'examples'),
    private readonly libraries: Record<string, string> = engineLibraries(),
  ) {}

  private marker(sources: readonly RuleFileSource[]): string {
    // the ruleset's own version (a hash of every file) beside a hash of the engine's code and libraries
    const h = createHash('sha256').update(engineFingerprint()).update(JSON.stringify(this.libraries)).update(hashSources(sources));
    return path.join(this.dir, h.digest('hex').slice(0, 32));
  }

  /** True when these exact sources passed their examples with this engine before. */
  passed(sources: readonly RuleFileSource[]): boolean {
    return existsSync(this.marker(sources));
  }

  /**
   * Records that they passed, with each file's parsed data (a cache that cannot be written is
   * simply not used). A file whose data JSON cannot hold as it is (a YAML value such as `.inf`)
   * is left out: it is parsed again each time.
   */
  record(sources: readonly RuleFileSource[], ruleset: CompiledRuleset): void {
    const files: Record<string, unknown> = {};
    for (const source of sources) {
      const data = yamlParser().parseYamlWithLines(source.name, source.text).parsed?.data;
      const json = JSON.stringify(data);
      if (json !== undefined && isDeepStrictEqual(JSON.parse(json), data)) files[source.name] = data;
    }
    const gates: Record<string, Clause[]> = {};
    for (const rule of ruleset.rules) for (const p of rule.patterns) gates[p.source] ??= patternGate(p.source);
    try {
      mkdirSync(this.dir, { recursive: true });
      const body = JSON.stringify({ files, gates });
      writeFileSync(this.marker(sources), `${checksum(body)}\n${body}`);
    } catch {
      // read-only install: the examples run every time, as without a cache
    }
  }

  /**
   * What was recorded with these exact sources — each file's data and each pattern's gate — for
   * `compileRuleset` (`CompileOptions.parsed`, `patternGates`), so that their YAML is not parsed,
   * their data not validated and their gates not derived again. Empty when there is nothing or it
   * cannot be read (an older marker, an empty one, a damaged or edited file: its first line, a hash
   * of the rest, no longer holds): the sources are then compiled as usual.
   */
  compiled(sources: readonly RuleFileSource[]): Pick<CompileOptions, 'parsed' | 'patternGates'> {
    let recorded: { files?: unknown; gates?: unknown };
    try {
      const text = readFileSync(this.marker(sources), 'utf8');
      const newline = text.indexOf('\n');
      const body = text.slice(newline + 1);
      // the data is compiled without being validated again: a marker changed since it was written is not used
      if (newline < 0 || text.slice(0, newline) !== checksum(body)) return {};
      recorded = JSON.parse(body) as typeof recorded;
    } catch {
      return {};
    }
    const names = new Set(sources.map((s) => s.name));
    const files = isRecord(recorded.files) ? new Map(Object.entries(recorded.files).filter(([name]) => names.has(name))) : undefined;
    const gates = isRecord(recorded.gates) ? new Map(Object.entries(recorded.gates).filter((e): e is [string, Clause[]] => isGate(e[1]))) : undefined;
    return { parsed: files, patternGates: gates };
  }
}

/** The marker's first line: a hash of the rest (a damaged or edited marker is then not used). */
function checksum(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A gate as `patternGate` gives it: clauses of class strings of sets, each set pairs of code points. */
function isGate(value: unknown): value is Clause[] {
  const every = (v: unknown, each: (x: unknown) => boolean) => Array.isArray(v) && v.every(each);
  const isSet = (set: unknown) => every(set, (n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 0x10ffff) && (set as number[]).length % 2 === 0;
  return every(value, (clause) => every(clause, (str) => every(str, isSet)));
}

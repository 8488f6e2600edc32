import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Wall time and peak RSS of one whole process. */
export interface ProcessRun {
  ms: number;
  rssMb: number;
}

function runOnce(args: string[]): ProcessRun {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
  // the child reports its own peak RSS on its last stderr line (see the scripts below)
  const m = /peak-rss-kb (\d+)/.exec(r.stderr.toString());
  return { ms, rssMb: m ? Math.round(Number(m[1]) / 1024) : 0 };
}

/** Median of `runs` whole-process runs of each command, taken in turn (A B A B …). */
export function timeProcesses(commands: Record<string, string[]>, runs: number): Record<string, ProcessRun> {
  const all: Record<string, ProcessRun[]> = {};
  for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(commands)) (all[name] ??= []).push(runOnce(args));
  const out: Record<string, ProcessRun> = {};
  for (const [name, list] of Object.entries(all)) {
    const sorted = [...list].sort((a, b) => a.ms - b.ms);
    out[name] = sorted[Math.floor(sorted.length / 2)] as ProcessRun;
  }
  return out;
}

/**
 * Writes the two scripts the CLI comparison runs: `saring check` (through the built CLI, with
 * a peak-RSS line) and a one-file script that runs obscenity's English matcher alone over the
 * same JSON lines, writing one JSON line per input like the CLI does.
 */
export function writeCliScripts(repo: string): { saring: string; obscenity: string } {
  const dir = os.tmpdir();
  const saring = path.join(dir, 'saring-bench-check.js');
  writeFileSync(
    saring,
    `const cli = require(${JSON.stringify(path.join(repo, 'dist', 'src', 'cli', 'index.js'))});
cli.main(['check', '--rules', ${JSON.stringify(path.join(repo, 'rules'))}, '--input', process.argv[2]]).then((code) => {
  process.stderr.write('peak-rss-kb ' + process.resourceUsage().maxRSS + '\\n');
  process.exitCode = code;
});
`,
  );
  const obscenity = path.join(dir, 'saring-bench-obscenity.js');
  writeFileSync(
    obscenity,
    `const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = require(${JSON.stringify(path.join(repo, 'node_modules', 'obscenity'))});
const readline = require('node:readline');
const fs = require('node:fs');
const m = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const rl = readline.createInterface({ input: fs.createReadStream(process.argv[2]), crlfDelay: Infinity });
rl.on('line', (line) => {
  if (line.trim() === '') return;
  const row = JSON.parse(line);
  process.stdout.write(JSON.stringify({ id: row.id, matches: m.getAllMatches(String(row.text)).length }) + '\\n');
});
rl.on('close', () => process.stderr.write('peak-rss-kb ' + process.resourceUsage().maxRSS + '\\n'));
`,
  );
  return { saring, obscenity };
}

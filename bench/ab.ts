/**
 * Two builds of the engine side by side, in one process: `node dist/bench/ab.js OLD_DIST NEW_DIST`
 * (each a `dist` folder built by `npm run build`; see the README for making the old one).
 * Each build compiles the rules of this repository; both then moderate the real dev texts (or the
 * generated corpus without them) in turn, 500-text slice by slice, the order swapped every slice,
 * so a drift of the machine's speed falls on both. Prints each round's time per comment and the
 * ratio NEW ÷ OLD, their median, and how many texts the two builds decide differently (every
 * decision compared as bench:decisions compares them). Exit code 1 when any decision differs.
 */
import path from 'node:path';
import type { CompiledRuleset, Decision } from '../src/moderation';
import type { RuleFileSource } from '../src/rules/compile';
import { generateCorpus } from './corpus';
import { decisionSummary } from './decisions';
import { readDevSets } from './support/dev-corpus';
import { pairedRuns, type SliceWork } from './support/paired';

const REPO = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const SLICE = 500;
const ROUNDS = Number(process.env.AB_ROUNDS ?? 7);

interface Build {
  dir: string;
  moderate: (ruleset: CompiledRuleset, text: string) => Decision;
  ruleset: CompiledRuleset;
}

async function load(dir: string): Promise<Build> {
  const root = path.resolve(dir);
  /* eslint-disable @typescript-eslint/no-require-imports -- a build chosen at run time */
  const { moderate } = require(path.join(root, 'src', 'moderation')) as { moderate: Build['moderate'] };
  const { compileRuleset } = require(path.join(root, 'src', 'rules', 'compile')) as { compileRuleset: (s: RuleFileSource[]) => CompiledRuleset };
  const { readRuleSources } = require(path.join(root, 'src', 'rules', 'load')) as { readRuleSources: (d: string) => Promise<RuleFileSource[]> };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { dir: root, moderate, ruleset: compileRuleset(await readRuleSources(path.join(REPO, 'rules'))) };
}

const summary = (d: Decision) => JSON.stringify(decisionSummary(d));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(args: string[]): Promise<number> {
  if (args.length !== 2) {
    process.stderr.write('usage: node dist/bench/ab.js OLD_DIST NEW_DIST\n');
    return 2;
  }
  const builds = [await load(args[0] as string), await load(args[1] as string)] as const;
  const dev = readDevSets(REPO);
  const texts = dev !== null ? dev.flatMap((s) => s.texts) : generateCorpus(20_000).map((c) => c.text);
  let differ = 0;
  for (const text of texts) if (summary(builds[0].moderate(builds[0].ruleset, text)) !== summary(builds[1].moderate(builds[1].ruleset, text))) differ++;
  for (const b of builds) for (const text of texts) b.moderate(b.ruleset, text); // warm both
  process.stdout.write(`${texts.length.toLocaleString('en-US')} ${dev !== null ? 'dev' : 'generated'} texts; OLD ${builds[0].dir}, NEW ${builds[1].dir}\n`);
  const [old, neu] = builds.map((b): SliceWork => (from, to) => {
    for (let i = from; i < to; i++) b.moderate(b.ruleset, texts[i] as string);
  }) as [SliceWork, SliceWork];
  const ratios: number[] = [];
  pairedRuns(old, neu, texts.length, ROUNDS, SLICE).forEach(([oldMs, newMs], round) => {
    ratios.push(newMs / oldMs);
    process.stdout.write(`round ${round + 1}: OLD ${((oldMs * 1000) / texts.length).toFixed(2)} µs, NEW ${((newMs * 1000) / texts.length).toFixed(2)} µs per comment, NEW ÷ OLD ${(newMs / oldMs).toFixed(3)}\n`);
  });
  process.stdout.write(`median NEW ÷ OLD ${median(ratios).toFixed(3)} over ${ROUNDS} rounds; decisions that differ: ${differ} of ${texts.length.toLocaleString('en-US')}\n`);
  return differ === 0 ? 0 : 1;
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));

/**
 * Engine benchmark: `npm run build && node dist/bench/engine.js`.
 * Prints a markdown table and writes bench/RESULTS-engine.md.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { compileRuleset, moderate, type CompiledRuleset } from '../src/moderation';
import { readRuleSources } from '../src/rules/load';
import type { RuleFileSource } from '../src/rules/compile';
import { generateCorpus, generateTerms } from './corpus';
import { timeProcesses, writeCliScripts } from './support/cli-e2e';
import { readDevSets, type DevSet } from './support/dev-corpus';

const REPO = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const RUNS = 5;
const CORPUS_SIZE = Number(process.env.BENCH_CORPUS ?? 20000);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function timeRuns(fn: () => void, runs = RUNS): number {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

function extraRuleFile(termCount: number): RuleFileSource {
  const terms = generateTerms(termCount);
  const text = [
    'category: kasar.directed',
    'legalBasis: "bench"',
    'action: flag',
    'messages: { id: bench, en: bench }',
    'rules:',
    '  - id: bench.grown',
    `    terms: [${terms.join(', ')}]`,
    '',
  ].join('\n');
  return { name: 'zz-bench.yaml', text };
}

interface Row {
  name: string;
  ms: number;
  count: number;
}

function row(r: Row): string {
  const perSec = Math.round((r.count / r.ms) * 1000);
  const us = ((r.ms * 1000) / r.count).toFixed(1);
  return `| ${r.name} | ${perSec.toLocaleString('en-US')} | ${us} |`;
}

const us = (ms: number, n: number): string => ((ms * 1000) / n).toFixed(1);
const perSec = (ms: number, n: number): string => Math.round((n / ms) * 1000).toLocaleString('en-US');

/** Real labelled comments: Saring and obscenity alone on the same texts, per file and overall. */
function benchRealText(sets: DevSet[], shipped: CompiledRuleset, obscenity: RegExpMatcher): { table: string; overallMs: number; count: number } {
  const all = sets.flatMap((s) => s.texts);
  const lines = ['| set | comments | avg chars | Saring µs/comment | Saring comments/s | obscenity alone µs/comment | Saring ÷ obscenity time |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  let overallMs = 0;
  for (const set of [...sets, { name: '**all four**', file: '', texts: all }]) {
    const texts = set.texts;
    const ours = timeRuns(() => texts.forEach((t) => moderate(shipped, t)));
    const theirs = timeRuns(() => texts.forEach((t) => obscenity.getAllMatches(t)));
    if (set.file === '') overallMs = ours;
    const avg = Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length);
    lines.push(`| ${set.name} | ${texts.length.toLocaleString('en-US')} | ${avg} | ${us(ours, texts.length)} | ${perSec(ours, texts.length)} | ${us(theirs, texts.length)} | ${(ours / theirs).toFixed(2)}× |`);
  }
  return { table: lines.join('\n'), overallMs, count: all.length };
}

/** `saring check` end to end over all dev texts vs a one-file obscenity script, whole processes. */
function benchCli(sets: DevSet[], engineMs: number): string {
  const file = path.join(os.tmpdir(), 'saring-bench-dev.jsonl');
  let n = 0;
  writeFileSync(file, sets.flatMap((s) => s.texts.map((text) => JSON.stringify({ id: `${s.name}-${n++}`, text }))).join('\n') + '\n');
  const scripts = writeCliScripts(REPO);
  const r = timeProcesses({ saring: [scripts.saring, file], obscenity: [scripts.obscenity, file] }, RUNS);
  const saring = r.saring ?? { ms: 0, rssMb: 0 };
  const obscenity = r.obscenity ?? { ms: 0, rssMb: 0 };
  return [
    `| command (whole process, ${n.toLocaleString('en-US')} JSON lines, median of ${RUNS}) | wall ms | µs/comment | peak RSS |`,
    '| --- | ---: | ---: | ---: |',
    `| \`saring check\` (load rules, run examples, moderate, write JSON lines) | ${saring.ms.toFixed(0)} | ${us(saring.ms, n)} | ${saring.rssMb} MB |`,
    `| one-file script: obscenity's English matcher alone, same lines | ${obscenity.ms.toFixed(0)} | ${us(obscenity.ms, n)} | ${obscenity.rssMb} MB |`,
    `| ratio saring ÷ obscenity script | ${(saring.ms / obscenity.ms).toFixed(2)}× | | |`,
    `| share of \`saring check\`'s time spent in the engine (in-process figure above) | ${((100 * engineMs) / saring.ms).toFixed(0)}% | | |`,
  ].join('\n');
}

async function main(): Promise<void> {
  const devSets = readDevSets(REPO);
  const corpus = generateCorpus(CORPUS_SIZE);
  const texts = corpus.map((c) => c.text);
  const avgLen = Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length);
  const sources = await readRuleSources(path.join(REPO, 'rules'));
  const shipped = compileRuleset(sources);
  const run = (rs: CompiledRuleset) => () => {
    for (const t of texts) moderate(rs, t);
  };
  const rows: Row[] = [];
  rows.push({ name: `shipped ruleset (${shipped.termCount} terms, ${shipped.ruleCount} rules)`, ms: timeRuns(run(shipped)), count: texts.length });
  // the word→forms memo makes repeated words cheap; show the cost without it too (worst case: every word new)
  class NoCache extends Map<string, string[]> {
    override set(): this {
      return this;
    }
  }
  const uncached: CompiledRuleset = { ...shipped, wordCache: new NoCache() };
  rows.push({ name: 'shipped ruleset, word memo disabled', ms: timeRuns(run(uncached)), count: texts.length });
  const grown: Record<number, { ms: number; rs: CompiledRuleset; cold: number }> = {};
  for (const n of [1000, 10000]) {
    const rs = compileRuleset([...sources, extraRuleFile(n)]);
    grown[n] = { ms: timeRuns(run(rs)), rs, cold: timeRuns(run({ ...rs, wordCache: new NoCache() })) };
    rows.push({ name: `shipped + ${n.toLocaleString('en-US')} terms (${rs.termCount} terms)`, ms: grown[n].ms, count: texts.length });
    rows.push({ name: `shipped + ${n.toLocaleString('en-US')} terms, word memo disabled`, ms: grown[n].cold, count: texts.length });
  }
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const real = devSets === null ? null : benchRealText(devSets, shipped, obscenity);
  rows.push({ name: 'obscenity English matcher alone (getAllMatches)', ms: timeRuns(() => texts.forEach((t) => obscenity.getAllMatches(t))), count: texts.length });
  const reloadSources = [...sources, extraRuleFile(10000)];
  const reloadMs = timeRuns(() => compileRuleset(reloadSources), 3);
  const caught = texts.filter((t) => moderate(shipped, t).reasons.length > 0).length;
  const ratio = (grown[10000]?.ms ?? 0) / (grown[1000]?.ms ?? 1);
  const coldRatio = (grown[10000]?.cold ?? 0) / (grown[1000]?.cold ?? 1);
  const ours = rows[0]?.ms ?? 1;
  const obscenityMs = rows[rows.length - 1]?.ms ?? 0;
  const speedup = obscenityMs / ours;
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const realPart =
    real === null || devSets === null
      ? ['No labelled comments beside the repository (../shared/data/dev): only the generated corpus was measured.', '']
      : [
          `Real comments: the labelled dev files in ../shared/data/dev (${real.count.toLocaleString('en-US')} texts), shipped ruleset (${shipped.termCount} terms, ${shipped.ruleCount} rules), one core, median of ${RUNS} runs, word memo warm.`,
          '',
          real.table,
          '',
          benchCli(devSets, real.overallMs),
          '',
          'Generated corpus (a second benchmark):',
          '',
        ];
  const table = [
    ...realPart,
    `Corpus: ${texts.length.toLocaleString('en-US')} generated comments, average ${avgLen} chars (50–500), ~30% English, ~10% abusive (40% of those disguised); ${caught} got at least one reason. Node ${process.version}, one core, median of ${RUNS} runs.`,
    '',
    '| configuration | comments/s | µs/comment |',
    '| --- | ---: | ---: |',
    ...rows.map(row),
    '',
    '| measure | value | target |',
    '| --- | ---: | --- |',
    `| throughput, shipped ruleset | ${Math.round((texts.length / ours) * 1000).toLocaleString('en-US')}/s (memo off: ${Math.round((texts.length / (rows[1]?.ms ?? 1)) * 1000).toLocaleString('en-US')}/s) | ≥ 20,000/s |`,
    `| speed-up over obscenity's matcher alone | ${speedup.toFixed(1)}× | ≥ 2× |`,
    `| 1,000 → 10,000 terms, cost per comment | ${ratio.toFixed(2)}× (memo off: ${coldRatio.toFixed(2)}×) | ≤ 1.5× |`,
    `| compile + validate a 10,000-term ruleset (reload) | ${reloadMs.toFixed(0)} ms | ≤ 300 ms |`,
    `| peak RSS of the bench process | ${rssMb} MB | — |`,
  ].join('\n');
  console.log(table);
  const out = path.join(REPO, 'bench', 'RESULTS-engine.md');
  writeFileSync(out, `# Engine benchmark results\n\nProduced by \`npm run build && npm run bench:engine\` (bench/engine.ts) on ${new Date().toISOString().slice(0, 10)}.\n\n${table}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}

void main();

/**
 * Engine benchmark: `npm run build && node dist/bench/engine.js`.
 * Prints a markdown table and writes bench/RESULTS-engine.md.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { moderate, type CompiledRuleset } from '../src/moderation';
import { compileRuleset } from '../src/rules/compile';
import { readRuleSources } from '../src/rules/load';
import type { RuleFileSource } from '../src/rules/compile';
import { generateCorpus, generateTerms } from './corpus';
import { decisionDigest } from './decisions';
import { timeProcesses, writeCliScripts } from './support/cli-e2e';
import { readDevSets, type DevSet } from './support/dev-corpus';
import { pairedRuns, type SliceWork } from './support/paired';

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

/** Texts per slice in `timePaired`: a few milliseconds of work, shorter than the machine's drifts. */
const SLICE = 1000;

/** `pairedRuns` of the two, the median of `RUNS` runs for each, after one warm-up pass of both. */
function timePaired(a: SliceWork, b: SliceWork, count: number): [number, number] {
  a(0, count);
  b(0, count);
  const runs = pairedRuns(a, b, count, RUNS, SLICE);
  return [median(runs.map((r) => r[0])), median(runs.map((r) => r[1]))];
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
function benchRealText(sets: DevSet[], shipped: CompiledRuleset, obscenity: RegExpMatcher): { table: string; overallMs: number; obscenityMs: number; count: number } {
  const all = sets.flatMap((s) => s.texts);
  const lines = ['| set | comments | avg chars | Saring µs/comment | Saring comments/s | obscenity alone µs/comment | obscenity ÷ Saring time |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  let overallMs = 0;
  let obscenityMs = 0;
  for (const set of [...sets, { name: '**all four**', file: '', texts: all }]) {
    const texts = set.texts;
    const [ours, theirs] = timePaired(
      (from, to) => {
        for (let i = from; i < to; i++) moderate(shipped, texts[i] as string);
      },
      (from, to) => {
        for (let i = from; i < to; i++) obscenity.getAllMatches(texts[i] as string);
      },
      texts.length,
    );
    if (set.file === '') [overallMs, obscenityMs] = [ours, theirs];
    const avg = Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length);
    lines.push(`| ${set.name} | ${texts.length.toLocaleString('en-US')} | ${avg} | ${us(ours, texts.length)} | ${perSec(ours, texts.length)} | ${us(theirs, texts.length)} | ${(theirs / ours).toFixed(2)}× |`);
  }
  return { table: lines.join('\n'), overallMs, obscenityMs, count: all.length };
}

/** The shipped ruleset grown by 1,000 and by 10,000 terms, timed on the real texts. */
function benchRealGrowth(sets: DevSet[], grown: Record<number, CompiledRuleset>): { table: string; ratio: number } {
  const all = sets.flatMap((s) => s.texts);
  const ms: Record<number, number> = {};
  const lines = ['| ruleset | terms | µs/comment on the real texts |', '| --- | ---: | ---: |'];
  for (const [n, rs] of Object.entries(grown)) {
    ms[Number(n)] = timeRuns(() => all.forEach((t) => moderate(rs, t)));
    lines.push(`| shipped + ${Number(n).toLocaleString('en-US')} terms | ${rs.termCount.toLocaleString('en-US')} | ${us(ms[Number(n)] ?? 0, all.length)} |`);
  }
  return { table: lines.join('\n'), ratio: (ms[10000] ?? 0) / (ms[1000] ?? 1) };
}

function writeLines(file: string, texts: Array<{ id: string; text: string }>): void {
  writeFileSync(file, texts.map((t) => JSON.stringify(t)).join('\n') + '\n');
}

/** `saring check` end to end vs a one-file obscenity script, whole processes: every dev file, and all joined. */
function benchCli(sets: DevSet[], engineMs: number): { table: string; ratio: number } {
  const scripts = writeCliScripts(REPO);
  const lines = [
    `| input (whole process, median of ${RUNS}) | lines | \`saring check\` ms | obscenity script ms | obscenity ÷ saring | saring peak RSS | obscenity peak RSS |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  let ratio = 0;
  let joinedMs = 0;
  const joined = sets.flatMap((s) => s.texts.map((text, i) => ({ id: `${s.name}-${i}`, text })));
  for (const [name, rows] of [...sets.map((s) => [s.name, s.texts.map((text, i) => ({ id: `${s.name}-${i}`, text }))] as const), ['**all four joined**', joined] as const]) {
    const file = path.join(os.tmpdir(), `saring-bench-${name.replace(/\W+/g, '-')}.jsonl`);
    writeLines(file, rows);
    const r = timeProcesses({ saring: [scripts.saring, file], obscenity: [scripts.obscenity, file] }, RUNS);
    const saring = r.saring ?? { ms: 0, rssMb: 0 };
    const obscenity = r.obscenity ?? { ms: 0, rssMb: 0 };
    if (rows === joined) [ratio, joinedMs] = [obscenity.ms / saring.ms, saring.ms];
    lines.push(`| ${name} | ${rows.length.toLocaleString('en-US')} | ${saring.ms.toFixed(0)} | ${obscenity.ms.toFixed(0)} | ${(obscenity.ms / saring.ms).toFixed(2)}× | ${saring.rssMb} MB | ${obscenity.rssMb} MB |`);
  }
  lines.push('', `\`saring check\` loads the rules (from the second run on, from its cache: examples not run again, YAML and pattern gates as recorded), moderates and writes one JSON line per comment; the engine's share of its time on all four joined (the in-process figure above ÷ the whole process) is ${((100 * engineMs) / joinedMs).toFixed(0)}%.`);
  return { table: lines.join('\n'), ratio };
}

function realSection(devSets: DevSet[], real: ReturnType<typeof benchRealText>, shipped: CompiledRuleset, grown: Record<number, { rs: CompiledRuleset }>): string[] {
  const growth = benchRealGrowth(devSets, Object.fromEntries(Object.entries(grown).map(([n, g]) => [n, g.rs])));
  const cli = benchCli(devSets, real.overallMs);
  const perSecond = (real.count / real.overallMs) * 1000;
  return [
    `Real comments: the labelled dev files in ../shared/data/dev (${real.count.toLocaleString('en-US')} texts), shipped ruleset (${shipped.termCount} terms, ${shipped.ruleCount} rules), one core, median of ${RUNS} runs, word memo warm; Saring and obscenity timed in turn on the same ${SLICE.toLocaleString('en-US')}-text slices, so that a drift of the machine falls on both.`,
    '',
    real.table,
    '',
    growth.table,
    '',
    cli.table,
    '',
    '| measure (real texts) | value | target |',
    '| --- | ---: | --- |',
    `| throughput, shipped ruleset | ${Math.round(perSecond).toLocaleString('en-US')}/s | ≥ 100,000/s |`,
    `| speed-up over obscenity's English matcher alone, same texts | ${(real.obscenityMs / real.overallMs).toFixed(2)}× | ≥ 5× |`,
    `| \`saring check\` vs the obscenity-only script, all four joined | ${cli.ratio.toFixed(2)}× faster | ≥ 3× |`,
    `| 1,000 → 10,000 terms, cost per comment | ${growth.ratio.toFixed(2)}× | ≤ 1.2× |`,
    '',
    'Generated corpus (a second benchmark):',
    '',
  ];
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
  const decisions = decisionDigest(shipped);
  const realPart = real === null || devSets === null ? ['No labelled comments beside the repository (../shared/data/dev): only the generated corpus was measured.', ''] : realSection(devSets, real, shipped, grown);
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
    '',
    `Decision by decision (\`npm run bench:decisions\`, bench/decisions.ts): ${decisions.texts.toLocaleString('en-US')} texts (${devSets === null ? 'no dev files' : 'the dev files'}, the must-pass and must-catch fixtures, the generated corpus), each under three language settings; digest of every decision (status, each reason's rule, action and spans, the masked text): \`${decisions.digest}\`. A speed change must keep it: \`npm run bench:decisions -- before.jsonl\` on the old build, \`-- after.jsonl\` on the new one, then \`-- --compare before.jsonl after.jsonl\` lists any decision that moved.`,
  ].join('\n');
  console.log(table);
  const out = path.join(REPO, 'bench', 'RESULTS-engine.md');
  writeFileSync(out, `# Engine benchmark results\n\nProduced by \`npm run build && npm run bench:engine\` (bench/engine.ts) on ${new Date().toISOString().slice(0, 10)}.\n\n${table}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}

void main();

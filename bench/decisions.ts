/**
 * Decision by decision: `npm run bench:decisions -- OUT.jsonl` writes every decision the built
 * engine makes on the labelled dev files (when ../shared/data/dev exists), the must-pass and
 * must-catch material (tests/fixtures) and the generated corpus, each under three language
 * settings (auto, en, id); `npm run bench:decisions -- --compare A.jsonl B.jsonl` prints how many
 * differ and the first few; `-- --digest` prints a SHA-256 of the same lines (bench/engine.ts
 * prints it too). A speed change must leave the file unchanged: write it before the change, write
 * it after, compare.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { moderate, type CompiledRuleset, type Decision } from '../src/moderation';
import { loadRulesetFromDir } from '../src/rules/load';
import { generateCorpus } from './corpus';
import { readDevSets } from './support/dev-corpus';

const REPO = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

function fixtureTexts(name: string): string[] {
  return readFileSync(path.join(REPO, 'tests', 'fixtures', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => String((JSON.parse(l) as { text: unknown }).text));
}

/** The parts of a decision a speed change must not move: status, reasons (rule, action, spans), masked text. */
export function decisionSummary(d: Decision): unknown {
  return [d.status, d.reasons.map((r) => [r.ruleId, r.action, r.spans.map((s) => [s.start, s.end])]), d.maskedText];
}

/** The texts compared: the dev files when present, the must-pass / must-catch fixtures, the generated corpus. */
function comparedTexts(): string[] {
  return [
    ...(readDevSets(REPO) ?? []).flatMap((s) => s.texts),
    ...fixtureTexts('must-pass.jsonl'),
    ...fixtureTexts('must-catch.jsonl'),
    ...generateCorpus(20_000).map((c) => c.text),
  ];
}

/** One line per text: its decision under auto, `en` and `id` language settings. */
export function* decisionLines(ruleset: CompiledRuleset): Generator<string> {
  for (const text of comparedTexts()) {
    const line = [undefined, 'en', 'id'].map((language) => decisionSummary(moderate(ruleset, text, language === undefined ? undefined : { language })));
    yield `${JSON.stringify(line)}\n`;
  }
}

/** SHA-256 (first 16 hex digits) of every decision line, and how many lines. */
export function decisionDigest(ruleset: CompiledRuleset): { digest: string; texts: number } {
  const h = createHash('sha256');
  let texts = 0;
  for (const line of decisionLines(ruleset)) {
    h.update(line);
    texts++;
  }
  return { digest: h.digest('hex').slice(0, 16), texts };
}

async function write(out: string): Promise<void> {
  const ruleset = await loadRulesetFromDir(path.join(REPO, 'rules'));
  const file = createWriteStream(out);
  let texts = 0;
  for (const line of decisionLines(ruleset)) {
    file.write(line);
    texts++;
  }
  await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
  process.stdout.write(`${texts} texts, 3 settings each: ${out}\n`);
}

function compare(a: string, b: string): number {
  const left = readFileSync(a, 'utf8').split('\n');
  const right = readFileSync(b, 'utf8').split('\n');
  let differ = 0;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] === right[i]) continue;
    if (++differ <= 5) process.stdout.write(`line ${i + 1}:\n  ${left[i] ?? '(none)'}\n  ${right[i] ?? '(none)'}\n`);
  }
  process.stdout.write(`${Math.max(left.length, right.length) - 1} texts compared, ${differ} differ\n`);
  return differ === 0 ? 0 : 1;
}

async function main(args: string[]): Promise<number> {
  if (args[0] === '--compare' && args.length === 3) return compare(args[1] as string, args[2] as string);
  if (args[0] === '--digest' && args.length === 1) {
    const { digest, texts } = decisionDigest(await loadRulesetFromDir(path.join(REPO, 'rules')));
    process.stdout.write(`${texts} texts, 3 settings each: decisions digest ${digest}\n`);
    return 0;
  }
  if (args.length === 1 && !(args[0] as string).startsWith('-')) {
    await write(args[0] as string);
    return 0;
  }
  process.stderr.write('usage: node dist/bench/decisions.js OUT.jsonl | --compare A.jsonl B.jsonl | --digest\n');
  return 2;
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));

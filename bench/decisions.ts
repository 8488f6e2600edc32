/**
 * Decision by decision: `npm run bench:decisions -- OUT.jsonl` writes every decision the built
 * engine makes on the labelled dev files (when ../shared/data/dev exists), the must-pass and
 * must-catch material (tests/fixtures) and the generated corpus, each under three language
 * settings (auto, en, id); `npm run bench:decisions -- --compare A.jsonl B.jsonl` prints how many
 * differ and the first few. A speed change must leave the file unchanged: write it before the
 * change, write it after, compare.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { moderate, type Decision } from '../src/moderation';
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
function summary(d: Decision): unknown {
  return [d.status, d.reasons.map((r) => [r.ruleId, r.action, r.spans.map((s) => [s.start, s.end])]), d.maskedText];
}

async function write(out: string): Promise<void> {
  const ruleset = await loadRulesetFromDir(path.join(REPO, 'rules'));
  const texts = [
    ...(readDevSets(REPO) ?? []).flatMap((s) => s.texts),
    ...fixtureTexts('must-pass.jsonl'),
    ...fixtureTexts('must-catch.jsonl'),
    ...generateCorpus(20_000).map((c) => c.text),
  ];
  const file = createWriteStream(out);
  for (const text of texts) {
    const line = [undefined, 'en', 'id'].map((language) => summary(moderate(ruleset, text, language === undefined ? undefined : { language })));
    file.write(`${JSON.stringify(line)}\n`);
  }
  await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
  process.stdout.write(`${texts.length} texts, 3 settings each: ${out}\n`);
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

const args = process.argv.slice(2);
if (args[0] === '--compare' && args.length === 3) process.exitCode = compare(args[1] as string, args[2] as string);
else if (args.length === 1 && !(args[0] as string).startsWith('-')) void write(args[0] as string);
else {
  process.stderr.write('usage: node dist/bench/decisions.js OUT.jsonl | --compare A.jsonl B.jsonl\n');
  process.exitCode = 2;
}

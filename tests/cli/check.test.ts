import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { decisionLine, isBlankLine, runCheck } from '../../src/cli/check';
import { moderate } from '../../src/moderation';
import { loadRulesetFromDir } from '../../src/rules/load';
import { runRulesValidate } from '../../src/cli/rules-validate';

const RULES = path.resolve(__dirname, '../../rules');

function sink(isTTY = false): { write(s: string): boolean; text(): string; isTTY: boolean } {
  let buf = '';
  return { write: (s: string) => ((buf += s), true), text: () => buf, isTTY };
}

async function run(argv: string[], stdinText = '', tty = false) {
  const stdout = sink();
  const stderr = sink(tty);
  const code = await runCheck(argv, { stdin: Readable.from([stdinText]), stdout, stderr });
  return { code, out: stdout.text(), err: stderr.text(), lines: stdout.text().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('saring check', () => {
  it('when JSON lines come on stdin, then each gets one decision line with its id', async () => {
    const input = ['{"id":"a","text":"Dasar anjing lu"}', '{"id":7,"text":"Harga daging babi naik."}', ''].join('\n');
    const { code, lines, err } = await run(['--rules', RULES], input);
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ id: 'a', status: 'approved', action: 'mask', maskedText: 'Dasar ****** lu' });
    expect(lines[1]).toMatchObject({ id: 7, status: 'approved', action: 'approve', reasons: [] });
    expect(Object.keys(lines[0] ?? {})).toEqual(['id', 'status', 'action', 'reasons', 'maskedText', 'rulesetVersion']);
    expect(err).toMatch(/checked 2 comments/);
    expect(err).not.toContain('\r');
  });

  it('when plain lines come, then the id is the line number', async () => {
    const { lines } = await run(['--rules', RULES], 'slot gacor maxwin\nberita bagus\n');
    expect(lines.map((l) => [l.id, l.status])).toEqual([
      [1, 'rejected'],
      [2, 'approved'],
    ]);
  });

  it('when --input names a file, then it is read instead of stdin', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'saring-check-'));
    const file = path.join(dir, 'in.jsonl');
    writeFileSync(file, '{"id":"x","text":"kntl"}\n');
    const { lines } = await run(['--rules', RULES, '--input', file]);
    expect(lines[0]).toMatchObject({ id: 'x', action: 'mask' });
  });

  it('when a line is broken, then it is reported on stderr, the rest is checked and the exit code is 1', async () => {
    const { code, lines, err } = await run(['--rules', RULES], '{"id":1,"text":"ok"}\n{"id":2}\n{oops\n');
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(err).toMatch(/line 2: "text" must be a string/);
    expect(err).toMatch(/line 3: not valid JSON/);
  });

  it('when --labels is given, then precision and recall are printed per category and overall', async () => {
    const input = [
      { id: 1, text: 'dasar anjing lu', label: 'kasar.directed' },
      { id: 2, text: 'slot gacor maxwin', label: 'judi' },
      { id: 3, text: 'berita bagus', label: '' },
      { id: 4, text: 'pak lurah itu koruptor', label: null },
      { id: 5, text: 'omong kosong', label: 'kasar.directed' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    const { err } = await run(['--rules', RULES, '--labels', 'label'], input);
    expect(err).toContain('precision / recall against "label" (5 labelled comments)');
    expect(err).toContain('| judi | 1 | 0 | 0 | 100.0% | 100.0% |');
    expect(err).toContain('| kasar.directed | 1 | 0 | 1 | 100.0% | 50.0% |');
    expect(err).toContain('| fitnah.accusation | 0 | 1 | 0 | 0.0% | — |');
    expect(err).toContain('| **overall** (any reason vs any label) | 2 | 1 | 1 | 66.7% | 66.7% |');
  });

  it('when stderr is a terminal, then a progress bar is drawn', async () => {
    const { err } = await run(['--rules', RULES], Array.from({ length: 3 }, (_, i) => `komentar ${i}`).join('\n'), true);
    expect(err).toMatch(/comments/);
  });

  it('when the rules are broken, then it exits 2 and says where', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'saring-rules-'));
    writeFileSync(path.join(dir, 'kasar.yaml'), 'rules: 3\n');
    const { code, err } = await run(['--rules', dir], 'x');
    expect(code).toBe(2);
    expect(err).toMatch(/kasar\.yaml/);
  });

  it('when a line is only white space, then it is blank as trim() says', () => {
    for (const line of ['', ' ', '\t', '\u00a0', '\ufeff', '\u3000 ', ' \u2028']) expect(isBlankLine(line)).toBe(true);
    for (const line of ['a', ' a', '\u00a0x', '{', '~', '\u007f', 'é']) expect(isBlankLine(line)).toBe(false);
  });

  it('when a decision line is written, then it is byte for byte JSON.stringify of the id and the decision', async () => {
    const ruleset = await loadRulesetFromDir(RULES);
    const texts = ['Harga daging babi naik.', 'Dasar anjing lu', 'kamu "bodoh" \\ \u2028 \ud83d\ude00 \ud800', ''];
    for (const id of ['a', 7, null, { n: [1, '"'] }, '\u2028', undefined]) {
      for (const text of texts) {
        const d = moderate(ruleset, text);
        expect(decisionLine(id, d)).toBe(JSON.stringify({ id, ...d }));
      }
    }
    // every reason the fixtures give, with English messages and an earlier legal basis too
    const fixtures = ['must-catch.jsonl', 'labelled-sample.jsonl'].flatMap((f) => readFileSync(path.join(__dirname, '..', 'fixtures', f), 'utf8').split('\n').filter(Boolean));
    let withReasons = 0;
    for (const line of fixtures) {
      const text = String((JSON.parse(line) as { text?: unknown }).text ?? '');
      for (const ctx of [{}, { messageLanguage: 'en' as const, at: new Date('2025-06-01T00:00:00Z') }]) {
        const d = moderate(ruleset, text, ctx);
        if (d.reasons.length > 0) withReasons++;
        expect(decisionLine(line.length, d)).toBe(JSON.stringify({ id: line.length, ...d }));
      }
    }
    expect(withReasons).toBeGreaterThan(40);
  });

  it('when an option is unknown, then it exits 2 with usage', async () => {
    const { code, err } = await run(['--bogus']);
    expect(code).toBe(2);
    expect(err).toMatch(/saring check/);
  });
});

describe('saring rules validate', () => {
  it('when the shipped rules are valid, then it prints a summary and exits 0', async () => {
    const stdout = sink();
    const stderr = sink();
    expect(await runRulesValidate([RULES], { stdin: new PassThrough(), stdout, stderr })).toBe(0);
    expect(stdout.text()).toMatch(/^ok: .* \d+ rule files .* version [0-9a-f]{12}\n$/);
  });

  it('when a file is broken, then every problem is printed as file:line [rule] message and it exits 1', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'saring-rules-'));
    writeFileSync(path.join(dir, 'kasar.yaml'), 'category: kasar.directed\nlegalBasis: x\naction: mask\nmessages: {id: a, en: b}\nrules:\n  - id: t.x\n    patterns: ["(?=a)b"]\n');
    const stdout = sink();
    const stderr = sink();
    expect(await runRulesValidate([dir], { stdin: new PassThrough(), stdout, stderr })).toBe(1);
    expect(stderr.text()).toContain('kasar.yaml:7 [t.x] pattern');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { runCheck } from '../../src/cli/check';
import { LineSplitter, readLineBatches } from '../../src/cli/line-splitter';

const RULES = path.resolve(__dirname, '../../rules');
const FIXTURES = path.resolve(__dirname, '../fixtures');

/** Every line the splitter gives for these chunks, the last one included. */
function splitAll(chunks: Array<Buffer | string>): string[] {
  const split = new LineSplitter();
  return [...chunks.flatMap((c) => split.push(c)), ...split.end()];
}

/** What node:readline (with crlfDelay: Infinity, as `saring check` used it) gives for the same chunks. */
async function readlineLines(chunks: Buffer[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: Readable.from(chunks), crlfDelay: Infinity })) lines.push(line);
  return lines;
}

/** The bytes cut at these offsets. */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.filter((n) => n > 0 && n < bytes.length))].sort((a, b) => a - b);
  return [0, ...points].map((start, i) => bytes.subarray(start, points[i] ?? bytes.length));
}

function sink(isTTY = false): { write(s: string): boolean; text(): string; isTTY: boolean } {
  let buf = '';
  return { write: (s: string) => ((buf += s), true), text: () => buf, isTTY };
}

async function check(chunks: Array<Buffer | string>, argv: string[] = []) {
  const stdout = sink();
  const stderr = sink();
  const code = await runCheck(['--rules', RULES, ...argv], { stdin: Readable.from(chunks), stdout, stderr });
  return { code, out: stdout.text(), err: stderr.text() };
}

describe('LineSplitter', () => {
  it('when a chunk boundary falls inside a multi-byte character, then the character comes out whole', () => {
    const bytes = Buffer.from('kopi é ☕ 😀\nsatu €\n', 'utf8');
    for (let i = 1; i < bytes.length; i++) {
      for (let j = i + 1; j < bytes.length; j++) {
        expect(splitAll([bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)])).toEqual(['kopi é ☕ 😀', 'satu €']);
      }
    }
  });

  it('when lines end in CRLF, then the CR is not part of the line, also when the CR and LF are in different chunks', () => {
    expect(splitAll([Buffer.from('a\r\nb\r\n')])).toEqual(['a', 'b']);
    expect(splitAll([Buffer.from('a\r'), Buffer.from('\nb\r'), Buffer.from('\n')])).toEqual(['a', 'b']);
  });

  it('when a CR stands alone, then it ends a line as it does for readline', () => {
    expect(splitAll([Buffer.from('a\rb\r\rc')])).toEqual(['a', 'b', '', 'c']);
  });

  it('when the last line has no newline, then it is still a line; an empty remainder is not', () => {
    expect(splitAll([Buffer.from('a\nb')])).toEqual(['a', 'b']);
    expect(splitAll([Buffer.from('a\nb\n')])).toEqual(['a', 'b']);
    expect(splitAll([])).toEqual([]);
  });

  it('when lines are blank, then they are kept, so that line numbers do not move', () => {
    expect(splitAll([Buffer.from('\n\na\n  \n\r\nb\n')])).toEqual(['', '', 'a', '  ', '', 'b']);
  });

  it('when a line is far longer than a chunk, then it comes out once, whole', () => {
    const long = 'x'.repeat(300_000) + 'é';
    const bytes = Buffer.from(`${long}\nend\n`);
    const chunks = cut(bytes, Array.from({ length: 40 }, (_, i) => i * 7919 + 1));
    expect(splitAll(chunks)).toEqual([long, 'end']);
  });

  it('when chunks are already text (a stream with an encoding set), then they are split the same way', () => {
    expect(splitAll(['a\r', '\nb', 'c\n', 'd'])).toEqual(['a', 'bc', 'd']);
  });

  it('when any text is cut anywhere, then the lines are the ones readline gives', async () => {
    const piece = fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é', '€', '😀', '{', '"');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(200), { maxLength: 8 }), async (pieces, at) => {
        const chunks = cut(Buffer.from(pieces.join(''), 'utf8'), at);
        expect(splitAll(chunks)).toEqual(await readlineLines(chunks));
      }),
      { numRuns: 300 },
    );
  });

  it('when the input ends inside a multi-byte character, then those bytes are dropped as readline drops them', async () => {
    const chunks = [Buffer.from('abc\n'), Buffer.from([0xe2, 0x82])];
    expect(splitAll(chunks)).toEqual(await readlineLines(chunks));
    expect(splitAll(chunks)).toEqual(['abc']);
  });
});

describe('readLineBatches', () => {
  it('when a stream is read, then each chunk gives its complete lines and the bytes read so far', async () => {
    const batches = [];
    for await (const b of readLineBatches(Readable.from([Buffer.from('a\nb'), Buffer.from('c\nd')]))) batches.push(b);
    expect(batches).toEqual([
      { lines: ['a'], bytesRead: 3 },
      { lines: ['bc'], bytesRead: 6 },
      { lines: ['d'], bytesRead: 6 },
    ]);
  });
});

describe('saring check reading in chunks', () => {
  const fixture = [readFileSync(path.join(FIXTURES, 'must-catch.jsonl'), 'utf8'), readFileSync(path.join(FIXTURES, 'must-pass.jsonl'), 'utf8')].join('');

  it('when the same input comes in other chunks and with CRLF, then every decision line is the same', async () => {
    const whole = await check([fixture]);
    expect(whole.code).toBe(0);
    const bytes = Buffer.from(fixture.replace(/\n/g, '\r\n'), 'utf8');
    const chunked = await check(cut(bytes, Array.from({ length: 200 }, (_, i) => i * 331 + (i % 5))));
    expect(chunked.out).toBe(whole.out);
    expect(chunked.out.split('\n').filter(Boolean)).toHaveLength(fixture.split('\n').filter(Boolean).length);
  });

  it('when a malformed JSON line is cut across chunks among blank lines, then it is counted unreadable by its line number and the exit code is 1', async () => {
    const text = '{"id":"a","text":"Dasar anjing lu"}\r\n\r\n{"id":"b","text":"kopi ☕ en\n{"id": broken ☕\n\nberita bagus';
    const bytes = Buffer.from(text, 'utf8');
    const broken = bytes.indexOf('broken');
    const { code, out, err } = await check(cut(bytes, [broken - 3, broken + 8, broken + 9]));
    expect(code).toBe(1);
    expect(err).toContain('line 3: not valid JSON');
    expect(err).toContain('line 4: not valid JSON');
    expect(err).toContain('checked 2 comments');
    expect(err).toContain('2 unreadable lines');
    expect(out.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: unknown }).id)).toEqual(['a', 6]);
  });
});

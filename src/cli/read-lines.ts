import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** One non-empty line of a JSON-lines file: the parsed object, or null when the line is not a JSON object. */
export interface JsonLine {
  lineNo: number;
  line: string;
  record: Record<string, unknown> | null;
}

/** Reads a JSON-lines stream (a path or a stream) line by line, skipping blank lines. */
export async function* readJsonLines(input: string | NodeJS.ReadableStream): AsyncGenerator<JsonLine> {
  const stream = typeof input === 'string' ? createReadStream(input) : input;
  let lineNo = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    let record: Record<string, unknown> | null = null;
    if (line.trimStart().startsWith('{')) {
      try {
        const value: unknown = JSON.parse(line);
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) record = value as Record<string, unknown>;
      } catch {
        record = null;
      }
    }
    yield { lineNo, line: line as string, record };
  }
}

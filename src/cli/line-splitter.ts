import { StringDecoder } from 'node:string_decoder';

/** What ends a line, as node:readline sees it: `\r\n`, `\n`, or a `\r` alone. */
const LINE_END = /\r\n|\n|\r/;

/**
 * Splits a stream's chunks into lines synchronously, the way node:readline does with
 * `crlfDelay: Infinity` (what `saring check` used before; its line numbers must not move):
 * a line ends at `\r\n`, `\n` or a lone `\r`, the `\r\n` pair counts once even when a chunk
 * boundary falls between the two, a UTF-8 character split across chunks is decoded whole,
 * and a last line with no newline is a line (an empty remainder is not).
 *
 * @example
 * const split = new LineSplitter();
 * split.push(Buffer.from('a\r\nb')); // ['a']
 * split.end(); // ['b']
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  /** The unfinished line so far (text after the last line end). */
  private rest = '';
  /** The text seen so far ended with `\r`: a `\n` first in the next chunk belongs to it. */
  private sawReturn = false;

  /** Adds a chunk (bytes, or text already decoded); returns the lines it completes. */
  push(chunk: Buffer | string): string[] {
    let text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    if (this.sawReturn) {
      if (text.charCodeAt(0) === 10) text = text.slice(1);
      this.sawReturn = false;
    }
    const hasReturn = text.includes('\r');
    if (!hasReturn && !text.includes('\n')) {
      this.rest += text;
      return [];
    }
    const whole = this.rest + text;
    // `rest` never holds a `\r` (it is what follows the last line end), so `text` tells which split is needed
    const lines = hasReturn ? whole.split(LINE_END) : whole.split('\n');
    this.rest = lines.pop() ?? '';
    this.sawReturn = whole.endsWith('\r');
    return lines;
  }

  /**
   * The input ended: the last line when it had no newline. Like readline, the bytes of a UTF-8
   * character cut off by the end of the input are dropped (not turned into U+FFFD).
   */
  end(): string[] {
    const last = this.rest;
    this.rest = '';
    this.sawReturn = false;
    return last.length > 0 ? [last] : [];
  }
}

/** One chunk's worth of complete lines, and the input bytes read so far. */
export interface LineBatch {
  lines: string[];
  bytesRead: number;
}

/**
 * Reads a stream as batches of lines, one batch per chunk (the last batch holds the final line
 * without newline), so a caller handles each batch in a synchronous loop instead of awaiting
 * once per line. Empty batches are not yielded.
 */
export async function* readLineBatches(input: NodeJS.ReadableStream): AsyncGenerator<LineBatch> {
  const split = new LineSplitter();
  let bytesRead = 0;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    bytesRead += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    const lines = split.push(chunk);
    if (lines.length > 0) yield { lines, bytesRead };
  }
  const lines = split.end();
  if (lines.length > 0) yield { lines, bytesRead };
}

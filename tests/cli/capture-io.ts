import { Readable } from 'node:stream';
import type { CommandIo } from '../../src/cli/cli-io';

/** A CLI io that records what a command writes. */
export function captureIo(stdin = ''): CommandIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdin: Readable.from([stdin]),
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    out: () => out,
    err: () => err,
  };
}

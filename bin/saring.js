#!/usr/bin/env node
'use strict';
// The `saring` command. The CLI is TypeScript compiled by `npm run build`
// (run by `prepare` on `npm ci`) into dist/src/cli/index.js.
const path = require('node:path');

let cli;
try {
  cli = require(path.join(__dirname, '..', 'dist', 'src', 'cli', 'index.js'));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && /dist[\\/]src[\\/]cli[\\/]index\.js/.test(String(err.message))) {
    process.stderr.write('saring: the CLI is not built yet; run `npm run build` (npm ci does it for you)\n');
    process.exit(1);
  }
  throw err;
}

cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`saring: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);

/**
 * The `-e` script for a child Node process that runs a TypeScript file of this repository:
 * the sources are compiled on the fly with swc (a dev dependency), as src/rules/validate-worker.ts
 * does for its worker thread under jest.
 */
export function tsChildScript(entry: string): string {
  return `
const fs = require('node:fs');
const { transformSync } = require('@swc/core');
require.extensions['.ts'] = (m, filename) => {
  m._compile(transformSync(fs.readFileSync(filename, 'utf8'), { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }).code, filename);
};
require(${JSON.stringify(entry)});
`;
}

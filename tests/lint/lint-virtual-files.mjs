/* global process */
// Lints source texts as if they lived at the given paths of the repository, with the
// repository's own eslint.config.mjs, and prints the rule ids each one breaks as JSON.
// Run as a child process: ESLint loads its ESM config with import(), which jest's VM cannot.
import { ESLint } from 'eslint';

const cases = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => (text += chunk)).on('end', () => resolve(text));
}));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { filePath, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push({ filePath, messages: result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })) });
}
process.stdout.write(JSON.stringify(out));

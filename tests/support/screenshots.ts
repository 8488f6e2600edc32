import { mkdirSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

/**
 * Where a browser test writes screenshot NAME. By default the ignored
 * .cache/screenshots, so `npm test` leaves the tracked docs/*.png alone;
 * `npm run screenshots` sets SARING_SCREENSHOTS=docs to refresh docs/.
 */
export function screenshotPath(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const where = env.SARING_SCREENSHOTS ?? '';
  if (where !== '' && where !== 'docs') throw new Error(`SARING_SCREENSHOTS must be "docs" or unset, not ${JSON.stringify(where)}`);
  return path.join(REPO, where === 'docs' ? 'docs' : path.join('.cache', 'screenshots'), name);
}

/** screenshotPath, with its folder created. */
export function screenshotFile(name: string): string {
  const file = screenshotPath(name);
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

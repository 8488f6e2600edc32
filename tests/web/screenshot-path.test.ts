import path from 'node:path';
import { screenshotPath } from '../support/screenshots';

const REPO = path.resolve(__dirname, '../..');

describe('where the browser tests write their screenshots', () => {
  it('when the tests run as part of npm test, then screenshots go to the ignored .cache/screenshots, never docs/', () => {
    const file = screenshotPath('moderator.png', {});
    expect(file).toBe(path.join(REPO, '.cache', 'screenshots', 'moderator.png'));
    expect(file.startsWith(path.join(REPO, 'docs'))).toBe(false);
  });

  it('when SARING_SCREENSHOTS=docs (npm run screenshots), then they refresh docs/*.png', () => {
    expect(screenshotPath('dashboard.png', { SARING_SCREENSHOTS: 'docs' })).toBe(path.join(REPO, 'docs', 'dashboard.png'));
  });

  it('when SARING_SCREENSHOTS is empty, then it is the default folder; when it is another word, then the run stops naming the variable', () => {
    expect(screenshotPath('a.png', { SARING_SCREENSHOTS: '' })).toBe(path.join(REPO, '.cache', 'screenshots', 'a.png'));
    expect(() => screenshotPath('a.png', { SARING_SCREENSHOTS: 'somewhere' })).toThrow(/SARING_SCREENSHOTS/);
  });
});

import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/** Where the Reported queue and dashboard files live (tsc does not copy them, so a build serves them from src/). */
export function reportedDir(): string {
  const candidates = [path.join(__dirname, 'reported'), path.resolve(__dirname, '../../../src/web/reported')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[0]!;
}

/** The UMD build of chart.js from node_modules: served by us, never from a CDN. */
export function chartJsFile(): string {
  // the package's export map hides dist/chart.umd.js: resolve the main entry (dist/chart.cjs) and step beside it
  return path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.js');
}

/**
 * Serves the moderators' Reported queue and compliance dashboard at
 * `/moderator/reported` (plain HTML, CSS and ES modules under the `'self'`
 * CSP) and the chart library at `/moderator/vendor/chart.umd.js`.
 */
export function reportedPage(): Router {
  const router = Router();
  const dir = reportedDir();
  const noCache = { 'Cache-Control': 'no-cache' };
  router.get(['/moderator/reported', '/moderator/reported/'], (_req, res) => {
    res.set(noCache).sendFile(path.join(dir, 'index.html'));
  });
  router.get('/moderator/vendor/chart.umd.js', (_req, res) => {
    res.set({ 'Cache-Control': 'public, max-age=86400' }).type('application/javascript').sendFile(chartJsFile());
  });
  router.use('/moderator/reported', express.static(dir, { index: false, maxAge: 0, setHeaders: (res) => res.set(noCache) }));
  return router;
}

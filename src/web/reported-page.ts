import path from 'node:path';
import { Router } from 'express';

/** The UMD build of chart.js from node_modules: served by us, never from a CDN. */
export function chartJsFile(): string {
  // the package's export map hides dist/chart.umd.js: resolve the main entry (dist/chart.cjs) and step beside it
  return path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.js');
}

/**
 * The chart library of the desk's dashboard at `/moderator/vendor/chart.umd.js`,
 * and the old address of the Reported page, now a view of `/moderator`.
 */
export function reportedPage(): Router {
  const router = Router();
  router.get(['/moderator/reported', '/moderator/reported/'], (_req, res) => res.redirect(301, '/moderator#reported'));
  router.get('/moderator/vendor/chart.umd.js', (_req, res) => {
    res.set({ 'Cache-Control': 'public, max-age=86400' }).type('application/javascript').sendFile(chartJsFile());
  });
  return router;
}

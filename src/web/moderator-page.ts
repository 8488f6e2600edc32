import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/**
 * The static files of the moderator page. tsc does not copy them, so a build
 * in `dist/` serves them from the source tree (the Docker image must ship
 * `src/web/static`).
 */
export function staticDir(): string {
  const candidates = [path.join(__dirname, 'static'), path.resolve(__dirname, '../../../src/web/static')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[0]!;
}

/**
 * Serves the moderator page at `/moderator` (plain HTML, CSS and ES modules,
 * no CDN and no inline script or style, so the `'self'` CSP holds).
 */
export function moderatorPage(): Router {
  const router = Router();
  const dir = staticDir();
  const index = path.join(dir, 'index.html');
  // the service's front door is the desk (it was a JSON 404)
  router.get('/', (_req, res) => res.redirect(302, '/moderator'));
  router.get(['/moderator', '/moderator/'], (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  router.use('/moderator', express.static(dir, { index: false, fallthrough: true, maxAge: 0, setHeaders: (res) => res.set('Cache-Control', 'no-cache') }));
  return router;
}

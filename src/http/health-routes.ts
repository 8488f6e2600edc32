import { Router } from 'express';
import type { AppDeps } from '../deps';

/** Liveness, readiness (store reachable, rules loaded) and Prometheus metrics. */
export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const store = await deps.store.ping(1000);
    let rulesetVersion: string | undefined;
    let ruleCount = 0;
    try {
      ({ version: rulesetVersion, ruleCount } = deps.rules.current());
    } catch {
      rulesetVersion = undefined;
    }
    // a ruleset with no rules would approve everything: not ready (start-up and reloads refuse one, this is the last guard)
    const rules = !rulesetVersion ? 'missing' : ruleCount === 0 ? 'empty' : 'loaded';
    const ready = store && rules === 'loaded';
    if (!ready) res.set('Retry-After', '2');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', store: store ? 'up' : 'down', rules, rulesetVersion });
  });
  router.get('/metrics', async (_req, res) => {
    res.set('Content-Type', deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}

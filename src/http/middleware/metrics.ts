import type { RequestHandler } from 'express';
import type { Metrics } from '../../metrics';

/** Counts requests by route pattern (not raw path, to keep label cardinality low) and status. */
export function recordMetrics(metrics: Metrics): RequestHandler {
  // label children cached per (method, route, status): prom-client hashes label objects on every call otherwise
  const counters = new Map<string, ReturnType<Metrics['httpRequests']['labels']>>();
  const timers = new Map<string, ReturnType<Metrics['httpDuration']['labels']>>();
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const key = `${req.method} ${route}`;
      const status = String(res.statusCode);
      let counter = counters.get(`${key} ${status}`);
      if (!counter) counters.set(`${key} ${status}`, (counter = metrics.httpRequests.labels(req.method, route, status)));
      let timer = timers.get(key);
      if (!timer) timers.set(key, (timer = metrics.httpDuration.labels(req.method, route)));
      counter.inc();
      timer.observe(seconds);
    });
    next();
  };
}

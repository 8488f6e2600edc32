import { Counter, Histogram, Registry, collectDefaultMetrics, Gauge } from 'prom-client';

/** Prometheus metrics, one registry per app so tests can build several apps. */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  decisions: Counter<'status' | 'category'>;
  streamClients: Gauge;
  overdue: Counter<'site'>;
  takedownOverdue: Counter<'urgent'>;
  /** Whole-ruleset compiles on the main thread (start, reloads, API edits): an API edit costs one. */
  rulesCompiles: Counter;
}

export function createMetrics(opts: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.defaultMetrics) collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({ name: 'saring_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [registry] }),
    httpDuration: new Histogram({
      name: 'saring_http_request_duration_seconds',
      help: 'HTTP request latency',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    decisions: new Counter({ name: 'saring_decisions_total', help: 'Moderation decisions by status and category (approved comments count under category "none")', labelNames: ['status', 'category'], registers: [registry] }),
    streamClients: new Gauge({ name: 'saring_stream_clients', help: 'Connected WebSocket clients', registers: [registry] }),
    overdue: new Counter({ name: 'saring_comments_overdue_total', help: 'Held or reported comments that passed their take-down deadline', labelNames: ['site'], registers: [registry] }),
    takedownOverdue: new Counter({ name: 'saring_takedown_orders_overdue_total', help: 'Ministry take-down orders that passed their 24 h (urgent: 4 h) deadline unfinished', labelNames: ['urgent'], registers: [registry] }),
    rulesCompiles: new Counter({ name: 'saring_rules_compiles_total', help: 'Whole-ruleset compiles on the main thread (start-up, reloads of edits on disk, API edits)', registers: [registry] }),
  };
}

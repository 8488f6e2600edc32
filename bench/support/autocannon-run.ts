/** The part of autocannon's programmatic API the HTTP benchmarks use (it ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
type Autocannon = (opts: Record<string, unknown>, cb: (err: Error | null, result: AutocannonResult) => void) => unknown;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

/** One measured scenario. */
export interface Measured {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

export interface LoadSpec {
  name: string;
  url: string;
  token?: string;
  /** JSON body; `[<id>]` is replaced by a fresh id on every request (unique externalIds). */
  body: string;
  connections: number;
  seconds: number;
}

/** Runs autocannon against one POST endpoint and keeps the figures that matter. */
export function measure(spec: LoadSpec): Promise<Measured> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: spec.url,
        method: 'POST',
        connections: spec.connections,
        duration: spec.seconds,
        headers: { 'content-type': 'application/json', ...(spec.token ? { authorization: `Bearer ${spec.token}` } : {}) },
        body: spec.body,
        idReplacement: true,
      },
      (err, r) => {
        if (err) return reject(err);
        resolve({ name: spec.name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts });
      },
    );
  });
}

/** A markdown table of measured scenarios. */
export function table(rows: Measured[]): string {
  const head = '| scenario | req/s | p50 ms | p99 ms | requests | non-2xx | errors |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |';
  return [head, ...rows.map((r) => `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.total} | ${r.non2xx} | ${r.errors} |`)].join('\n');
}

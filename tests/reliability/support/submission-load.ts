/** One submission as the load saw it: every status it got, in order. */
export interface Attempted {
  externalId: string;
  statuses: number[];
}

export interface LoadOptions {
  /** Base URL of a listening service. */
  url: string;
  token: string;
  /** Concurrent clients (each sends one request at a time). */
  clients: number;
  /** Submissions to make in all (bounded load). */
  total: number;
  /** Retry a 503 / network failure with the same externalId, like a well-behaved site backend. */
  retry?: { delayMs: number; maxAttempts: number };
  /** A request not answered within this is a hang (counted, not timed). */
  hangMs?: number;
  body?: (externalId: string, n: number) => Record<string, unknown>;
  path?: string;
  /** Sees each answered request's status and JSON body. */
  onAnswer?: (status: number, body: unknown) => void;
  /** Each client starts a new submission at most this often (ms): a steady load instead of as fast as the service answers. */
  paceMs?: number;
}

/** Counts of a running or finished load. */
export interface LoadStats {
  byStatus: Map<number, number>;
  /** Requests not answered within hangMs (status 0 in `statuses`, with `hangs` counting them). */
  hangs: number;
  networkErrors: number;
  attempted: Attempted[];
  count(status: number): number;
}

/** A running load: its live stats and a promise for the end. */
export interface RunningLoad {
  stats: LoadStats;
  done: Promise<LoadStats>;
  /** Makes every client stop after its current request. */
  stop(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Drives `POST /v1/comments` (or `path`) with `clients` concurrent real HTTP
 * clients until `total` submissions are through. Records statuses only; no
 * timing is asserted anywhere.
 */
export function startSubmissionLoad(opts: LoadOptions): RunningLoad {
  const byStatus = new Map<number, number>();
  const stats: LoadStats = { byStatus, hangs: 0, networkErrors: 0, attempted: [], count: (s) => byStatus.get(s) ?? 0 };
  let next = 0;
  let stopped = false;
  const tag = Math.random().toString(36).slice(2, 8);
  const body = opts.body ?? ((externalId, n) => ({ externalId, articleId: `artikel-${n % 7}`, author: { id: `reader-${n}`, name: 'Pembaca' }, text: `Komentar nomor ${n} tentang harga BBM.` }));

  const send = async (payload: Record<string, unknown>): Promise<number> => {
    try {
      const res = await fetch(`${opts.url}${opts.path ?? '/v1/comments'}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${opts.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(opts.hangMs ?? 10_000),
      });
      if (opts.onAnswer) opts.onAnswer(res.status, await res.json().catch(() => undefined));
      else await res.arrayBuffer();
      return res.status;
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') stats.hangs += 1;
      else stats.networkErrors += 1;
      return 0;
    }
  };

  const client = async () => {
    while (!stopped && next < opts.total) {
      const started = Date.now();
      const n = next++;
      const record: Attempted = { externalId: `load-${tag}-${n}`, statuses: [] };
      stats.attempted.push(record);
      const payload = body(record.externalId, n);
      for (let attempt = 1; ; attempt++) {
        const status = await send(payload);
        record.statuses.push(status);
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        const retryable = status === 503 || status === 0;
        if (!retryable || !opts.retry || attempt >= opts.retry.maxAttempts || stopped) break;
        await sleep(opts.retry.delayMs);
      }
      if (opts.paceMs) await sleep(Math.max(0, started + opts.paceMs - Date.now()));
    }
  };

  const done = Promise.all(Array.from({ length: opts.clients }, client)).then(() => stats);
  return { stats, done, stop: () => (stopped = true) };
}

/** Resolves when `check()` is true; throws after `timeoutMs` (a bound on the test, not a timing assertion). */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

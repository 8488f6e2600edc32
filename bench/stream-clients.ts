/**
 * The moderator sockets of the stream benchmark, in their own process (a
 * child of bench/stream.ts): opens N sockets and records, per received
 * event, the delay since the publisher stamped it.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

type Command = { cmd: 'connect'; wsUrl: string; token: string; n: number } | { cmd: 'reset' } | { cmd: 'report' } | { cmd: 'close' };

let sockets: WebSocket[] = [];
let latencies: number[] = [];
let closedEarly = 0;

function onFrame(raw: WebSocket.RawData): void {
  const at = performance.timeOrigin + performance.now();
  const text = raw.toString();
  const m = /"sentAt":([0-9.]+)/.exec(text);
  if (m) latencies.push(at - Number(m[1]));
}

async function connect(wsUrl: string, token: string, n: number): Promise<void> {
  const batch = 50;
  for (let i = 0; i < n; i += batch) {
    const opened = Array.from({ length: Math.min(batch, n - i) }, () => {
      const ws = new WebSocket(wsUrl, ['saring.v1'], { headers: { Authorization: `Bearer ${token}` }, skipUTF8Validation: true });
      ws.on('message', onFrame);
      ws.on('close', () => (closedEarly += 1));
      ws.on('error', () => undefined);
      sockets.push(ws);
      return new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
    });
    await Promise.all(opened);
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

process.on('message', (message: Command) => {
  if (message.cmd === 'connect') {
    connect(message.wsUrl, message.token, message.n).then(
      () => process.send?.({ type: 'connected', n: sockets.length }),
      (err: unknown) => process.send?.({ type: 'error', message: String(err) }),
    );
  } else if (message.cmd === 'reset') {
    latencies = [];
    closedEarly = 0;
    process.send?.({ type: 'reset' });
  } else if (message.cmd === 'report') {
    const sorted = Float64Array.from(latencies).sort();
    process.send?.({ type: 'report', count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN, closedEarly });
  } else if (message.cmd === 'close') {
    for (const ws of sockets) ws.terminate();
    sockets = [];
    process.send?.({ type: 'closed' });
  }
});

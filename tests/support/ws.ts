import WebSocket from 'ws';

/** A frame as the stream sends it (events and control messages). */
export interface Frame {
  type: string;
  id?: string;
  seq?: number;
  at?: string;
  siteId?: string;
  data?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A real `ws` client that records every frame and lets tests wait for one. */
export class TestSocket {
  readonly frames: Frame[] = [];
  closed?: { code: number; reason: string };
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      this.frames.push(JSON.parse(raw.toString()) as Frame);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
    ws.on('error', () => undefined);
  }

  /** Connects with the token in a header (default) or in the sub-protocol, and waits for `hello`. */
  static async open(url: string, opts: { token?: string; via?: 'header' | 'protocol'; autoPong?: boolean } = {}): Promise<TestSocket> {
    const via = opts.via ?? 'header';
    const protocols = via === 'protocol' && opts.token ? ['saring.v1', `bearer.${opts.token}`] : ['saring.v1'];
    const headers = via === 'header' && opts.token ? { Authorization: `Bearer ${opts.token}` } : undefined;
    const ws = new WebSocket(url, protocols, { headers, autoPong: opts.autoPong ?? true });
    const socket = new TestSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
    await socket.waitFor((f) => f.type === 'hello');
    return socket;
  }

  /** Event frames (those with a seq) received so far. */
  get events(): Frame[] {
    return this.frames.filter((f) => typeof f.seq === 'number' && f.type.includes('.'));
  }

  /** Waits until a received frame matches (including ones already received). */
  async waitFor(match: (f: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.frames.find(match);
      if (hit) return hit;
      if (this.closed) throw new Error(`socket closed (${this.closed.code} ${this.closed.reason}) while waiting`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.map((f) => f.type))}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits for the socket to close; returns its code. */
  async waitClosed(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    await this.waitFor(() => false, timeoutMs).catch(() => undefined);
    if (!this.closed) throw new Error(`socket still open after ${timeoutMs} ms`);
    return this.closed;
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  close(): void {
    this.ws.terminate();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** Tries an upgrade that should be refused; returns the HTTP status and error body. */
export async function refusedUpgrade(url: string, headers: Record<string, string> = {}, protocols: string[] = ['saring.v1']): Promise<{ status: number; body: { error?: { code?: string } } }> {
  const ws = new WebSocket(url, protocols, { headers });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body || '{}') }));
    });
    ws.once('error', () => undefined);
  });
}

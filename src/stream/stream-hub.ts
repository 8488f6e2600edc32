import type { WebSocket } from 'ws';
import type { Principal } from '../auth/principal';
import type { SaringEvent } from '../events/types';
import { canSee, matchesSubscription, type Subscription } from './subscription';
import { rawSocketOf, textFrame } from './ws-frame';

export interface StreamHubOptions {
  /** Ping every `heartbeatMs`; a peer that has not answered the previous ping is terminated. */
  heartbeatMs?: number;
  /** A socket whose unsent bytes would pass this is closed with 1013 instead of slowing the others. */
  maxBufferedBytes?: number;
  /** Live events held back per client while its `since=` replay is read; past this it is dropped. */
  maxBacklog?: number;
  onClientCountChange?: (count: number) => void;
}

/** One connected stream client. */
export interface StreamClient {
  ws: WebSocket;
  /** The token it connected with, re-checked periodically (revocation). */
  token?: string;
  principal: Principal;
  subscription: Subscription;
  alive: boolean;
  /** Set while a `since=` replay is read: live events wait here, in order. */
  backlog?: SaringEvent[];
}

/** Close code for a peer that cannot keep up ("try again later"). */
export const CLOSE_SLOW_CONSUMER = 1013;
/** Close code when the token was revoked while connected (policy violation). */
export const CLOSE_REVOKED = 1008;
/** Close code when the service goes away (shutdown). */
export const CLOSE_GOING_AWAY = 1001;

/** An event serialised once: the JSON payload and the ready-made frame around it. */
export interface Outgoing {
  payload: Buffer;
  frame: Buffer;
}

/** Serialises a message once for any number of sockets. */
export function outgoing(message: string): Outgoing {
  const payload = Buffer.from(message);
  return { payload, frame: textFrame(payload) };
}

/** The wire form of an event: `{ id, type, seq, at, siteId?, data }`. */
export function eventFrame(event: SaringEvent): string {
  return JSON.stringify({ id: event.id, type: event.type, seq: event.seq, at: event.at, ...(event.siteId ? { siteId: event.siteId } : {}), data: event.data });
}

/**
 * Fans events out to connected clients. Each event is serialised once and
 * the same buffer goes to every client that may see it and asked for it.
 * A client whose send buffer is full is dropped rather than slowing the rest.
 */
export class StreamHub {
  private readonly clients = new Set<StreamClient>();
  private readonly heartbeatMs: number;
  private readonly maxBufferedBytes: number;
  private readonly maxBacklog: number;
  private readonly heartbeat: NodeJS.Timeout;
  /** The highest seq this hub has broadcast (a resume point for a client that has seen nothing). */
  lastSeq = 0;

  constructor(private readonly opts: StreamHubOptions = {}) {
    this.heartbeatMs = opts.heartbeatMs ?? 30_000;
    this.maxBufferedBytes = opts.maxBufferedBytes ?? 1 << 20;
    this.maxBacklog = opts.maxBacklog ?? 10_000;
    this.heartbeat = setInterval(() => this.beat(), this.heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** A snapshot of the connected clients. */
  list(): StreamClient[] {
    return [...this.clients];
  }

  /** Closes one client (e.g. its token was revoked). */
  close(client: StreamClient, code: number, reason: string): void {
    this.remove(client);
    client.ws.close(code, reason);
    setTimeout(() => client.ws.terminate(), 1000).unref();
  }

  /** Registers a socket; returns its client record. */
  add(ws: WebSocket, principal: Principal, subscription: Subscription, replaying: boolean): StreamClient {
    const client: StreamClient = { ws, principal, subscription, alive: true, ...(replaying ? { backlog: [] } : {}) };
    this.clients.add(client);
    ws.on('pong', () => (client.alive = true));
    ws.on('close', () => this.remove(client));
    ws.on('error', () => this.remove(client));
    this.opts.onClientCountChange?.(this.clients.size);
    return client;
  }

  /** Sends one event to every client that may see it and subscribed to it. */
  broadcast(event: SaringEvent): void {
    if (event.seq > this.lastSeq) this.lastSeq = event.seq;
    let out: Outgoing | undefined;
    for (const client of this.clients) {
      if (!canSee(client.principal, event) || !matchesSubscription(client.subscription, event)) continue;
      if (client.backlog) {
        if (client.backlog.push(event) > this.maxBacklog) this.drop(client, 'too many events during replay');
        continue;
      }
      out ??= outgoing(eventFrame(event));
      this.sendFrame(client, out);
    }
  }

  /** Sends a serialised event to one client, dropping the client when its buffer is full. */
  sendFrame(client: StreamClient, out: Outgoing): boolean {
    if (client.ws.readyState !== client.ws.OPEN) return false;
    if (client.ws.bufferedAmount + out.frame.length > this.maxBufferedBytes) {
      this.drop(client, 'too slow: send buffer full');
      return false;
    }
    const socket = rawSocketOf(client.ws);
    if (socket) socket.write(out.frame);
    else client.ws.send(out.payload, { binary: false });
    return true;
  }

  /** Ends a client's replay: sends the live events that arrived meanwhile, minus those already replayed. */
  finishReplay(client: StreamClient, replayedIds: Set<string>): void {
    const backlog = client.backlog ?? [];
    delete client.backlog;
    for (const event of backlog) if (!replayedIds.has(event.id)) this.sendFrame(client, outgoing(eventFrame(event)));
  }

  /** Closes a client that cannot keep up; terminates it if the close handshake does not finish soon. */
  drop(client: StreamClient, reason: string): void {
    this.close(client, CLOSE_SLOW_CONSUMER, reason);
  }

  /** Closes every socket with 1001 and stops the heartbeat; resolves once they are closed (at most ~1 s). */
  async closeAll(): Promise<void> {
    clearInterval(this.heartbeat);
    const closed: Promise<void>[] = [];
    for (const client of this.clients) {
      this.remove(client);
      closed.push(new Promise((resolve) => client.ws.once('close', () => resolve())));
      client.ws.close(CLOSE_GOING_AWAY, 'server shutting down');
      setTimeout(() => client.ws.terminate(), 1000).unref();
    }
    await Promise.all(closed);
  }

  private remove(client: StreamClient): void {
    if (this.clients.delete(client)) this.opts.onClientCountChange?.(this.clients.size);
  }

  private beat(): void {
    for (const client of this.clients) {
      if (!client.alive) {
        this.remove(client);
        client.ws.terminate();
        continue;
      }
      client.alive = false;
      client.ws.ping();
    }
  }
}

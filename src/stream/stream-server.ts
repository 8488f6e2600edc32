import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { SEQ_PER_MS, type EventLog } from '../events/event-log';
import { CLOSE_REVOKED, eventFrame, outgoing, type StreamClient, type StreamHub } from './stream-hub';
import { authenticateUpgrade, offeredProtocols, refuseUpgrade, STREAM_PROTOCOL, upgradeToken } from './upgrade-auth';
import { forbiddenSites, matchesSubscription, canSee, subscribeMessage, subscriptionFromQuery, type Subscription } from './subscription';

export const STREAM_PATH = '/v1/stream';

/** The sites a replay reads: the subscription's, else the principal's own; undefined (all) for an admin without one. */
function replaySites(principal: Principal, subscription: Subscription): readonly string[] | undefined {
  if (subscription.siteIds?.length) return subscription.siteIds;
  return principal.role === 'admin' ? undefined : principal.siteIds;
}

export interface StreamServerOptions {
  hub: StreamHub;
  log: EventLog;
  auth: Authenticator;
  /** Replay starts this far before `since` (ms), so events another instance stored late are not missed. */
  replayOverlapMs?: number;
  /** Most events replayed on one connect. */
  maxReplay?: number;
  /** Most `since=` replays one principal may have running at once; more are refused with 429. */
  maxReplaysPerPrincipal?: number;
  maxMessageBytes?: number;
  /** Re-check every connected token this often (ms); a revoked one is closed with 1008. */
  revalidateMs?: number;
  onError?: (err: unknown) => void;
}

/** The stream endpoint; `close()` refuses further upgrades with 503. */
export interface StreamServer {
  close(): void;
}

function send(ws: WebSocket, message: Record<string, unknown>): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

/**
 * Serves `GET /v1/stream` on the http server's `upgrade` event: the token is
 * checked before the upgrade (401/403 as plain HTTP), then the client gets a
 * `hello`, an optional `since=` replay from `events`, and live events.
 */
export function attachStreamServer(server: Server, opts: StreamServerOptions): StreamServer {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: opts.maxMessageBytes ?? 16 * 1024,
    handleProtocols: (protocols) => (protocols.has(STREAM_PROTOCOL) ? STREAM_PROTOCOL : false),
  });
  let accepting = true;
  // replays reading the store, per principal: one moderator cannot queue up scans of `events`
  const replaying = new Map<string, number>();
  const maxReplays = opts.maxReplaysPerPrincipal ?? 2;

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== STREAM_PATH) return refuseUpgrade(socket, 'not_found', `No WebSocket endpoint at ${url.pathname}.`, requestId);
    if (!accepting) return refuseUpgrade(socket, 'store_unavailable', 'The service is shutting down.', requestId);
    const since = url.searchParams.get('since');
    if (since !== null && !/^\d{1,16}$/.test(since)) return refuseUpgrade(socket, 'bad_request', 'since must be a seq number from a previous event.', requestId);
    const initial = subscriptionFromQuery(url.searchParams);
    if ('error' in initial) return refuseUpgrade(socket, 'bad_request', initial.error, requestId);
    const offered = offeredProtocols(req);
    if (offered.length && !offered.includes(STREAM_PROTOCOL)) return refuseUpgrade(socket, 'bad_request', `Offer the sub-protocol ${STREAM_PROTOCOL}.`, requestId);
    authenticateUpgrade(opts.auth, req).then(
      (check) => {
        if ('refuse' in check) return refuseUpgrade(socket, check.refuse, check.message, requestId);
        const denied = forbiddenSites(check.principal, initial.siteIds);
        if (denied.length) return refuseUpgrade(socket, 'forbidden', `This token may not see site ${denied.join(', ')}.`, requestId);
        if (since !== null && (replaying.get(check.principal.id) ?? 0) >= maxReplays) {
          return refuseUpgrade(socket, 'rate_limited', `This token already has ${maxReplays} replays running; reconnect once they finish.`, requestId);
        }
        const { type: _type, ...subscription } = initial;
        wss.handleUpgrade(req, socket, head, (ws) => accept(ws, check.principal, subscription, since === null ? undefined : Number(since)).token = upgradeToken(req));
      },
      (err: unknown) => {
        opts.onError?.(err);
        refuseUpgrade(socket, 'store_unavailable', 'Could not check the token; retry shortly.', requestId);
      },
    );
  };

  const accept = (ws: WebSocket, principal: Principal, subscription: Subscription, since: number | undefined): StreamClient => {
    const client = opts.hub.add(ws, principal, subscription, since !== undefined);
    const { id, role, siteIds, name } = principal;
    // the clock, not the last event broadcast: that one moves with every site's comments and would tell their timing
    send(ws, { type: 'hello', principal: { id, role, siteIds, name }, seq: Date.now() * SEQ_PER_MS, subscription });
    ws.on('message', (raw, isBinary) => onMessage(client, raw.toString(), isBinary));
    if (since !== undefined) void replay(client, since);
    return client;
  };

  // a revoked token must not keep streaming: re-check each socket's token now and then
  const revalidate = async () => {
    for (const client of opts.hub.list()) {
      if (!client.token) continue;
      const principal = await opts.auth.authenticate(client.token).catch(() => client.principal);
      if (!principal) opts.hub.close(client, CLOSE_REVOKED, 'token revoked');
    }
  };
  const revalidator = setInterval(() => void revalidate(), opts.revalidateMs ?? 60_000);
  revalidator.unref();

  const replay = async (client: StreamClient, since: number) => {
    const limit = opts.maxReplay ?? 5000;
    const who = client.principal.id;
    replaying.set(who, (replaying.get(who) ?? 0) + 1);
    try {
      const siteIds = replaySites(client.principal, client.subscription);
      const events = await opts.log.readSince(Math.max(0, since - (opts.replayOverlapMs ?? 2000) * SEQ_PER_MS), { limit, ...(siteIds ? { siteIds } : {}) });
      const sent = new Set<string>();
      for (const event of events) {
        if (!canSee(client.principal, event) || !matchesSubscription(client.subscription, event)) continue;
        sent.add(event.id);
        opts.hub.sendFrame(client, outgoing(eventFrame(event)));
      }
      send(client.ws, { type: 'replayed', since, count: sent.size, truncated: events.length === limit });
      opts.hub.finishReplay(client, sent);
    } catch (err) {
      opts.onError?.(err);
      client.ws.close(1011, 'could not read missed events; reconnect');
    } finally {
      const left = (replaying.get(who) ?? 1) - 1;
      if (left > 0) replaying.set(who, left);
      else replaying.delete(who);
    }
  };

  const onMessage = (client: StreamClient, raw: string, isBinary: boolean) => {
    client.alive = true;
    let message: unknown;
    try {
      message = isBinary ? undefined : JSON.parse(raw);
    } catch {
      message = undefined;
    }
    if (message && typeof message === 'object' && (message as { type?: unknown }).type === 'ping') return send(client.ws, { type: 'pong' });
    const parsed = subscribeMessage.safeParse(message);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return send(client.ws, { type: 'error', code: 'validation_failed', message: 'Send {"type":"subscribe", siteIds?, statuses?, articleId?} or {"type":"ping"}.', details });
    }
    const denied = forbiddenSites(client.principal, parsed.data.siteIds);
    if (denied.length) return send(client.ws, { type: 'error', code: 'forbidden', message: `This token may not see site ${denied.join(', ')}.` });
    const { type: _type, ...subscription } = parsed.data;
    client.subscription = subscription;
    send(client.ws, { type: 'subscribed', subscription });
  };

  server.on('upgrade', onUpgrade);
  return {
    close() {
      // the listener stays: a late upgrade gets a clear 503 instead of falling through to a 404
      accepting = false;
      clearInterval(revalidator);
      wss.close();
    },
  };
}

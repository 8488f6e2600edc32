import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Authenticator } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { bearerToken } from '../http/middleware/auth';
import { errorCatalogue, type ErrorCode } from '../errors';

/** The sub-protocol a stream client must offer; the server selects it. */
export const STREAM_PROTOCOL = 'saring.v1';
/** Prefix of the sub-protocol that carries the token (browsers cannot set headers). */
export const BEARER_PROTOCOL_PREFIX = 'bearer.';

/** The offered sub-protocols of an upgrade request. */
export function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'];
  return (typeof header === 'string' ? header : '').split(',').map((p) => p.trim()).filter(Boolean);
}

/** The token of an upgrade request: `Authorization: Bearer …`, else a `bearer.<token>` sub-protocol. */
export function upgradeToken(req: IncomingMessage): string | undefined {
  const fromHeader = bearerToken(req.headers.authorization);
  if (fromHeader) return fromHeader;
  const proto = offeredProtocols(req).find((p) => p.startsWith(BEARER_PROTOCOL_PREFIX));
  return proto ? proto.slice(BEARER_PROTOCOL_PREFIX.length) || undefined : undefined;
}

export type UpgradeCheck = { principal: Principal } | { refuse: ErrorCode; message: string };

/** Authenticates an upgrade: 401 without a known token, 403 for a site token. */
export async function authenticateUpgrade(auth: Authenticator, req: IncomingMessage): Promise<UpgradeCheck> {
  const token = upgradeToken(req);
  if (!token) return { refuse: 'unauthenticated', message: 'Send a token in Authorization or as the sub-protocol bearer.<token>.' };
  const principal = await auth.authenticate(token);
  if (!principal) return { refuse: 'unauthenticated', message: 'The token is unknown or revoked.' };
  if (principal.role !== 'moderator' && principal.role !== 'admin') return { refuse: 'forbidden', message: 'The live stream is for moderators and admins.' };
  return { principal };
}

/** Answers an upgrade request with a plain HTTP error (before any upgrade) and closes the socket. */
export function refuseUpgrade(socket: Duplex, code: ErrorCode, message: string, requestId: string): void {
  const { status } = errorCatalogue[code];
  const body = JSON.stringify({ error: { code, message, requestId } });
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 503: 'Service Unavailable' }[status as 400] ?? 'Error';
  const auth = status === 401 ? 'WWW-Authenticate: Bearer realm="saring"\r\n' : '';
  const retry = status === 429 ? 'Retry-After: 2\r\n' : '';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${auth}${retry}Connection: close\r\n\r\n${body}`,
  );
}

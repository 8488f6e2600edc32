import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * A complete, unmasked WebSocket text frame (server → client) for `payload`
 * (RFC 6455 §5.2). Built once per event and written as is to every socket,
 * instead of letting `ws` build a header and do a two-buffer write per socket:
 * with 1,000 sockets that per-send work is most of the fan-out's CPU.
 */
export function textFrame(payload: Buffer): Buffer {
  const len = payload.length;
  const headerLen = len < 126 ? 2 : len < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLen + len);
  frame[0] = 0x81; // FIN + text opcode
  if (len < 126) frame[1] = len;
  else if (len < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(len, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(len / 2 ** 32), 2);
    frame.writeUInt32BE(len >>> 0, 6);
  }
  payload.copy(frame, headerLen);
  return frame;
}

/**
 * The socket under a server-side `ws` connection when a prebuilt frame may be
 * written to it directly: no extension (permessage-deflate) was negotiated,
 * so `ws` itself would write the very same bytes, and it queues nothing.
 * Undefined otherwise (then use `ws.send`).
 */
export function rawSocketOf(ws: WebSocket): Socket | undefined {
  const socket = (ws as unknown as { _socket?: Socket })._socket;
  return ws.extensions === '' && socket && !socket.destroyed ? socket : undefined;
}

/* global WebSocket, location, setTimeout */
/**
 * The live stream from the browser: the token travels as the sub-protocol
 * `bearer.<token>` next to `saring.v1` (browsers cannot set headers).
 * Reconnects with `since=<last seq>`; events are de-duplicated by id because
 * a resume replays a short overlap.
 */
export function connectStream({ token, onEvent, onHello, onState }) {
  let lastSeq = 0;
  let socket;
  let retry = 0;
  let stopped = false;
  const seen = new Set();
  const order = [];

  const remember = (id) => {
    seen.add(id);
    order.push(id);
    if (order.length > 5000) seen.delete(order.shift());
  };

  const open = () => {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const query = lastSeq ? `?since=${lastSeq}` : '';
    socket = new WebSocket(`${scheme}//${location.host}/v1/stream${query}`, ['saring.v1', `bearer.${token}`]);
    onState('connecting');
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      retry = 0;
      onState('live');
    });
    socket.addEventListener('message', (msg) => {
      let frame;
      try {
        frame = JSON.parse(msg.data);
      } catch {
        return;
      }
      if (frame.type === 'hello') {
        if (!lastSeq) lastSeq = frame.seq;
        onHello(frame);
        return;
      }
      if (typeof frame.seq !== 'number' || !frame.id) return;
      if (frame.seq > lastSeq) lastSeq = frame.seq;
      if (seen.has(frame.id)) return;
      remember(frame.id);
      onEvent(frame);
    });
    socket.addEventListener('close', () => {
      // a refused upgrade (unknown token, site token) closes before it ever opened
      onState(opened ? 'offline' : 'refused');
      if (stopped) return;
      retry = Math.min(retry + 1, 6);
      setTimeout(open, 250 * 2 ** retry);
    });
  };
  open();
  return {
    close() {
      stopped = true;
      socket?.close(1000);
    },
  };
}

/* global WebSocket, location, setTimeout, clearTimeout, fetch */
/**
 * The one live stream of the desk. The token travels as the sub-protocol
 * `bearer.<token>` next to `saring.v1` (browsers cannot set headers).
 * Reconnects with a growing, jittered delay (0.5 s … 15 s) and resumes with
 * `since=<last seq>`; events are de-duplicated by id because a resume replays
 * a short overlap. A socket that closes before it opened is either a refused
 * token or a service that is down (a restart): one authenticated request
 * tells which, so a restart reads "reconnecting", not "refused".
 */
export function connectStream({ token, onEvent, onHello, onState }) {
  let lastSeq = 0;
  let socket;
  let retry = 0;
  let stopped = false;
  let timer;
  const seen = new Set();
  const order = [];

  const remember = (id) => {
    seen.add(id);
    order.push(id);
    if (order.length > 5000) seen.delete(order.shift());
  };

  const refused = async () => {
    try {
      const res = await fetch('/v1/rules', { headers: { Authorization: `Bearer ${token}` } });
      return res.status === 401 || res.status === 403;
    } catch {
      return false;
    }
  };

  const again = () => {
    retry = Math.min(retry + 1, 6);
    const delay = Math.min(15_000, 250 * 2 ** retry) * (0.75 + Math.random() / 2);
    timer = setTimeout(open, delay);
  };

  const open = () => {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const query = lastSeq ? `?since=${lastSeq}` : '';
    socket = new WebSocket(`${scheme}//${location.host}/v1/stream${query}`, ['saring.v1', `bearer.${token}`]);
    onState(retry ? 'reconnecting' : 'connecting');
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
    });
    socket.addEventListener('message', (msg) => {
      let frame;
      try {
        frame = JSON.parse(msg.data);
      } catch {
        return;
      }
      if (frame.type === 'hello') {
        const resumed = lastSeq > 0;
        if (!lastSeq) lastSeq = frame.seq;
        retry = 0;
        onState('live');
        onHello(frame, { resumed });
        return;
      }
      if (typeof frame.seq !== 'number' || !frame.id) return;
      if (frame.seq > lastSeq) lastSeq = frame.seq;
      if (seen.has(frame.id)) return;
      remember(frame.id);
      onEvent(frame);
    });
    socket.addEventListener('close', async () => {
      if (stopped) return;
      if (!opened && (await refused())) {
        onState('refused');
        return;
      }
      onState('reconnecting');
      again();
    });
  };
  open();
  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      socket?.close(1000);
    },
  };
}

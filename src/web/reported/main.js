/* global document, location, WebSocket, setTimeout, clearTimeout, setInterval */
// Wires the Reported queue page: session form, queue, dashboard, live refresh over the stream.
import { loadSession, saveSession } from './api.js';
import { renderDashboard } from './dashboard.js';
import { renderQueue, tickTimeLeft } from './queue-view.js';

const $ = (sel) => document.querySelector(sel);
let session = loadSession();
let socket;
let pending;

function showError(err) {
  const box = $('#error');
  box.textContent = err instanceof Error ? err.message : String(err);
  box.hidden = false;
  setTimeout(() => (box.hidden = true), 6000);
}

async function refresh() {
  if (!session.token || !session.site) return;
  $('#queue-name').textContent = session.queue === 'held' ? 'ditahan' : 'dilaporkan';
  const list = $('#queue-list');
  const onAction = (fn) => fn().then(refresh, showError);
  const [count] = await Promise.all([renderQueue(session, list, onAction), renderDashboard(session, document)]);
  $('#queue-empty').hidden = count > 0;
  document.body.dataset.loaded = 'true';
}

// Any report, decision, overdue or ban on this site refreshes the page (debounced).
function connectLive() {
  socket?.close();
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/v1/stream?siteIds=${encodeURIComponent(session.site)}`;
  socket = new WebSocket(url, ['saring.v1', `bearer.${session.token}`]);
  socket.addEventListener('open', () => ($('#live').className = 'live on', ($('#live').textContent = 'live')));
  socket.addEventListener('close', () => ($('#live').className = 'live off', ($('#live').textContent = 'offline')));
  socket.addEventListener('message', (m) => {
    const type = JSON.parse(m.data).type ?? '';
    if (!/^(comment\.(reported|decided|overdue|created)|author\.banned)$/.test(type)) return;
    clearTimeout(pending);
    pending = setTimeout(() => refresh().catch(showError), 300);
  });
}

$('#login').addEventListener('submit', (e) => {
  e.preventDefault();
  session = { token: $('#token').value.trim(), site: $('#site').value.trim(), queue: $('#queue').value };
  saveSession(session);
  refresh().then(connectLive, showError);
});

$('#token').value = session.token;
$('#site').value = session.site;
$('#queue').value = session.queue;
setInterval(() => tickTimeLeft(document), 30_000);
if (session.token && session.site) refresh().then(connectLive, showError);

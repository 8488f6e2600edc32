/* global document */
import { api, setToken, token } from './api.mjs';
import { QueueView } from './queue-view.mjs';
import { RulesView, rulesRoot } from './rules-view.mjs';
import { connectStream } from './stream.mjs';

const $ = (id) => document.getElementById(id);
let stream;

function showView(name) {
  $('queue-view').hidden = name !== 'queue';
  $('rules-view').hidden = name !== 'rules';
  for (const tab of document.querySelectorAll('.tab')) tab.classList.toggle('active', tab.dataset.view === name);
}

/** Opens the stream first, then loads the queue, so no comment falls between the two. */
async function start() {
  $('sign-in').hidden = true;
  $('nav').hidden = false;
  $('sign-out').hidden = false;
  showView('queue');
  const queue = new QueueView();
  let loaded = false;
  stream = connectStream({
    token: token(),
    onState: (state) => {
      $('conn').textContent = state;
      $('conn').className = `conn ${state === 'live' ? 'on' : 'off'}`;
    },
    onHello: (hello) => {
      const p = hello.principal;
      $('whoami').textContent = `${p.name ?? p.id} (${p.role})`;
      $('rules-tab').hidden = p.role !== 'admin';
      $('rules-tab').onclick = () => {
        showView('rules');
        new RulesView(rulesRoot(), p.siteIds).show().catch((err) => ($('rules-view').textContent = err.message));
      };
      document.querySelector('[data-view="queue"]').onclick = () => showView('queue');
      if (!loaded) {
        loaded = true;
        queue.load(p).catch((err) => ($('queue-empty').textContent = `Could not load the queue: ${err.message}`));
      }
    },
    onEvent: (frame) => queue.onEvent(frame),
  });
}

async function signIn(value) {
  setToken(value);
  try {
    await api('/v1/comments?status=pending&limit=1');
  } catch (err) {
    setToken('');
    $('sign-in-error').textContent = err.status === 401 ? 'That token is unknown or revoked.' : err.status === 403 ? 'This page is for moderators and admins.' : err.message;
    return;
  }
  await start();
}

$('sign-in-form').addEventListener('submit', (e) => {
  e.preventDefault();
  signIn($('token').value.trim());
});
$('sign-out').addEventListener('click', () => {
  setToken('');
  stream?.close();
  document.location.reload();
});
if (token()) signIn(token());

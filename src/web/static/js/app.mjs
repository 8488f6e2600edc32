/* global document, location, setInterval, window */
import { api, setToken, token } from './api.mjs';
import { DashboardView } from './dashboard-view.mjs';
import { applyStatic, lang, setLang, t } from './i18n.mjs';
import { QueueView } from './queue-view.mjs';
import { RulesView, rulesRoot } from './rules-view.mjs';
import { connectStream } from './stream.mjs';
import { toast } from './dom.mjs';

/**
 * The moderator's desk: one sign-in, one live stream, and the views of one
 * page — the queue, the Reported queue, the compliance dashboard and (for
 * admins) the rules — chosen by the address's #fragment.
 */
const $ = (id) => document.getElementById(id);
const VIEWS = ['queue', 'reported', 'dashboard', 'rules'];
let stream;
let principal;
let queue;
let dashboard;

function viewFromHash() {
  const name = location.hash.slice(1);
  if (name === 'rules' && principal?.role !== 'admin') return 'queue';
  return VIEWS.includes(name) ? name : 'queue';
}

async function showView(name = viewFromHash()) {
  $('queue-view').hidden = name !== 'queue' && name !== 'reported';
  $('dashboard-view').hidden = name !== 'dashboard';
  $('rules-view').hidden = name !== 'rules';
  for (const tab of document.querySelectorAll('#nav .tab')) tab.classList.toggle('active', tab.dataset.view === name);
  document.body.dataset.view = name;
  try {
    if (name === 'queue' || name === 'reported') await queue.show(name === 'reported' ? 'reported' : 'all', principal);
    else if (name === 'dashboard') await dashboard.show(sitesOf());
    else if (name === 'rules') await new RulesView(rulesRoot(), principal.siteIds).show();
  } catch (err) {
    toast(err.message);
  }
}

function sitesOf() {
  return [...new Set([...(principal.siteIds ?? []), ...(queue.state.counts?.bySite ?? []).map((s) => s.siteId)])].sort();
}

function setConn(state) {
  $('conn').textContent = t(state);
  $('conn').dataset.state = state;
  $('conn').className = `conn ${state === 'live' ? 'on' : state === 'refused' ? 'refused' : 'off'}`;
}

/** Opens the stream first, then loads the queue, so no comment falls between the two. */
function start() {
  $('sign-in').hidden = true;
  $('nav').hidden = false;
  $('sign-out').hidden = false;
  const names = new Map();
  queue = new QueueView({ names });
  dashboard = new DashboardView($('dashboard-view'));
  stream = connectStream({
    token: token(),
    onState: setConn,
    onHello: (hello, { resumed }) => {
      const first = !principal;
      principal = hello.principal;
      if (principal.name) names.set(principal.id, principal.name);
      $('whoami').textContent = `${principal.name ?? principal.id} (${principal.role})`;
      $('rules-tab').hidden = principal.role !== 'admin';
      if (first) showView();
      else if (resumed) {
        // events missed while away were replayed (since=); the reload makes the counts and page exact again
        queue.reload();
        toast(t('streamBack'));
      }
    },
    onEvent: (frame) => queue.onEvent(frame),
  });
  setInterval(() => queue.tick(), 30_000);
}

async function signIn(value) {
  setToken(value);
  try {
    // the rules listing is for moderators and admins: a site token is refused here, not half signed in
    await api('/v1/rules');
  } catch (err) {
    setToken('');
    $('sign-in-error').textContent = err.status === 401 ? t('badToken') : err.status === 403 ? t('notModerator') : err.message;
    return;
  }
  start();
}

$('sign-in-form').addEventListener('submit', (e) => {
  e.preventDefault();
  signIn($('token').value.trim());
});
$('sign-out').addEventListener('click', () => {
  setToken('');
  stream?.close();
  location.hash = '';
  location.reload();
});
$('lang-switch').addEventListener('click', () => {
  setLang(lang() === 'id' ? 'en' : 'id');
  $('lang-switch').textContent = lang() === 'id' ? 'English' : 'Bahasa Indonesia';
  if ($('conn').dataset.state) setConn($('conn').dataset.state);
  if (principal) showView();
});
window.addEventListener('hashchange', () => principal && showView());
applyStatic();
$('lang-switch').textContent = lang() === 'id' ? 'English' : 'Bahasa Indonesia';
if (token()) signIn(token());

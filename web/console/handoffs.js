// The handoff queue: who is waiting, in their own words, for how long, with which segment and who holds it.
// New arrivals raise an alert (a short tone and a desktop notification, once staff turn alerts on).
import { api, el, segmentLabel, showMessage } from './api.js';
import { mountNav } from './nav.js';
import { formatWaiting, reference } from './handoffs.format.js';

await mountNav('handoffs.html');

const REFRESH_MS = 5000;
const form = document.getElementById('queue-filter');
const message = document.getElementById('message');
const announcer = document.getElementById('announcer');
const alertsButton = document.getElementById('alerts');
/** Open handoffs seen so far (null until the first load, which never alerts). */
let knownOpen = null;
let alertsOn = localStorage.getItem('console.handoffAlerts') === 'on';

function renderAlertsButton() {
  alertsButton.setAttribute('aria-pressed', String(alertsOn));
  alertsButton.textContent = alertsOn ? 'Alerts on' : 'Turn on alerts';
}

alertsButton.addEventListener('click', async () => {
  alertsOn = !alertsOn;
  localStorage.setItem('console.handoffAlerts', alertsOn ? 'on' : 'off');
  if (alertsOn && 'Notification' in window && Notification.permission === 'default') await Notification.requestPermission();
  renderAlertsButton();
});

/** A short two-note tone made on the spot: no sound file to fetch. */
function playTone() {
  const AudioContext = window.AudioContext || window.webkitAudioContext;
  if (!AudioContext) return;
  const audio = new AudioContext();
  [660, 880].forEach((frequency, i) => {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.value = 0.15;
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(audio.currentTime + i * 0.18);
    oscillator.stop(audio.currentTime + i * 0.18 + 0.15);
  });
}

function alertNew(handoffs) {
  const words = handoffs.map((h) => `"${h.reason}"`).join(', ');
  announcer.textContent = `New handoff: ${words}`;
  document.body.dataset.lastAlert = handoffs.map((h) => h.id).join(' ');
  if (!alertsOn) return;
  playTone();
  if ('Notification' in window && Notification.permission === 'granted') {
    new Notification('A shopper is waiting for a person', { body: words, tag: 'handoff' });
  }
}

async function act(path) {
  try {
    await api(path, { method: 'POST', body: {} });
    await load();
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
}

function row(h) {
  const liveHref = `live.html?conversation=${encodeURIComponent(h.conversationId)}`;
  return el('tr', {},
    el('td', {}, reference(h.id)),
    el('td', {}, h.status === 'open' ? formatWaiting(h.waitingSeconds) : `waited ${formatWaiting(h.waitingSeconds)}`),
    el('td', {}, el('span', { className: `segment segment-${h.segment}` }, segmentLabel(h.segment))),
    el('td', { className: 'words' }, h.reason,
      h.earlierWords.length > 0 && el('span', { className: 'earlier' }, `Before that: ${h.earlierWords.map((w) => `"${w}"`).join(' · ')}`),
      h.mode === 'callback' && el('span', { className: 'callback' },
        h.callbackEmail ? `Outside staffed hours: call back at ${h.callbackEmail}` : 'Outside staffed hours: no call-back email yet')),
    el('td', {}, h.tags.map((t) => el('span', { className: 'badge' }, t))),
    el('td', {}, h.holder ?? '—'),
    el('td', { className: 'row-actions' },
      h.status === 'open' && el('button', { type: 'button', className: 'small primary', onClick: async () => {
        try {
          await api(`/api/review/handoffs/${h.id}/claim`, { method: 'POST', body: {} });
          window.location.assign(liveHref);
        } catch (error) {
          showMessage(message, error.message, 'error');
        }
      } }, 'Take'),
      el('a', { className: 'button small', href: liveHref }, h.status === 'claimed' ? 'Open chat' : 'View'),
      h.status !== 'closed' && el('button', { type: 'button', className: 'small', onClick: () => act(`/api/review/handoffs/${h.id}/close`) }, 'Close')));
}

async function loadTags() {
  const select = form.elements.tag;
  const { items } = await api('/api/review/handoff-tags');
  const chosen = select.value;
  select.replaceChildren(new Option('Any tag', ''), ...items.map((t) => new Option(t, t)));
  select.value = items.includes(chosen) ? chosen : '';
}

async function checkArrivals() {
  const { items } = await api('/api/review/handoffs?status=open');
  const fresh = knownOpen === null ? [] : items.filter((h) => !knownOpen.has(h.id));
  knownOpen = new Set(items.map((h) => h.id));
  if (fresh.length > 0) alertNew(fresh);
}

async function load() {
  try {
    const params = new URLSearchParams({ status: form.elements.status.value });
    if (form.elements.tag.value) params.set('tag', form.elements.tag.value);
    const { items } = await api(`/api/review/handoffs?${params}`);
    showMessage(message, '');
    const tbody = document.querySelector('#handoffs tbody');
    tbody.replaceChildren(...items.map(row));
    if (items.length === 0) tbody.append(el('tr', {}, el('td', { colSpan: 7, className: 'muted' }, 'Nothing waiting.')));
    await checkArrivals();
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
}

form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
renderAlertsButton();
await loadTags().catch(() => {});
await load();
setInterval(load, REFRESH_MS);

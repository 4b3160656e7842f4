// An agent's live chat with a shopper: the conversation as it happens (polled every second), a message box,
// and take / hand back to the bot / close. The shopper sees each message within a second or two.
import { api, el, formatDateTime, segmentLabel, showMessage } from './api.js';
import { mountNav } from './nav.js';
import { formatWaiting, reference } from './handoffs.format.js';

await mountNav('handoffs.html');

const POLL_MS = 1000;
const conversationId = new URLSearchParams(window.location.search).get('conversation') || '';
const message = document.getElementById('message');
const list = document.getElementById('live-transcript');
const composer = document.getElementById('composer');
const buttons = { take: document.getElementById('take'), handBack: document.getElementById('hand-back'), close: document.getElementById('close') };
let next = 0;
let handoff = null;

document.getElementById('transcript-link').href = `conversation.html?id=${encodeURIComponent(conversationId)}`;

function turn(entry) {
  const who = entry.direction === 'in' ? 'Shopper' : entry.byAgent ? 'You (staff)' : 'Assistant';
  return el('li', { className: `turn ${entry.direction}${entry.byAgent ? ' agent' : ''}` },
    el('div', { className: 'turn-meta' }, el('span', {}, who), el('time', { dateTime: entry.at }, formatDateTime(entry.at))),
    entry.text && el('p', {}, entry.text),
    entry.cards.length > 0 && el('ul', { className: 'cards' }, entry.cards.map((card) => el('li', {}, card))));
}

function renderHandoff() {
  const facts = document.getElementById('handoff-facts');
  if (!handoff) {
    facts.replaceChildren(el('dt', {}, 'Status'), el('dd', {}, 'No handoff for this conversation'));
  } else {
    const earlier = handoff.earlierWords.length > 0 ? [el('dt', {}, 'Before that'), el('dd', {}, handoff.earlierWords.join(' · '))] : [];
    facts.replaceChildren(
      el('dt', {}, 'Reference'), el('dd', {}, reference(handoff.id)),
      el('dt', {}, 'Asked'), el('dd', {}, handoff.reason),
      ...earlier,
      el('dt', {}, 'Segment'), el('dd', {}, el('span', { className: `segment segment-${handoff.segment}` }, segmentLabel(handoff.segment))),
      el('dt', {}, 'Waited'), el('dd', {}, formatWaiting(handoff.waitingSeconds)),
      el('dt', {}, 'Held by'), el('dd', {}, handoff.heldByYou ? 'you' : handoff.holder ?? 'nobody yet'),
      el('dt', {}, 'Status'), el('dd', { id: 'handoff-status' }, handoff.status === 'open' ? 'waiting' : handoff.status === 'claimed' ? 'live' : 'closed'));
  }
  const active = handoff && handoff.status !== 'closed';
  buttons.take.hidden = !active || handoff.status === 'claimed';
  buttons.handBack.hidden = !active || !handoff.heldByYou;
  buttons.close.hidden = !active || (handoff.status === 'claimed' && !handoff.heldByYou);
  composer.hidden = !active || (handoff.status === 'claimed' && !handoff.heldByYou);
}

async function poll() {
  try {
    const live = await api(`/api/review/conversations/${encodeURIComponent(conversationId)}/live?after=${next}`);
    if (live.entries.length > 0) {
      // Events (e.g. handoff.initiate) are for the channel, not for reading.
      list.append(...live.entries.filter((entry) => entry.type === 'message').map(turn));
      list.lastElementChild?.scrollIntoView({ block: 'end' });
    }
    next = live.next;
    handoff = live.handoff;
    if (handoff) document.getElementById('title').textContent = `Live chat · ${reference(handoff.id)}`;
    renderHandoff();
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
}

async function act(path) {
  try {
    await api(path, { method: 'POST', body: {} });
    showMessage(message, '');
    await poll();
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
}

buttons.take.addEventListener('click', () => act(`/api/review/handoffs/${handoff.id}/claim`));
buttons.handBack.addEventListener('click', () => act(`/api/review/handoffs/${handoff.id}/release`));
buttons.close.addEventListener('click', () => act(`/api/review/handoffs/${handoff.id}/close`));

composer.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = composer.elements.reply.value.trim();
  if (!text) return;
  try {
    await api(`/api/review/conversations/${encodeURIComponent(conversationId)}/messages`, { method: 'POST', body: { text } });
    composer.elements.reply.value = '';
    showMessage(message, '');
    await poll();
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
});

// Enter sends, Shift+Enter makes a new line.
composer.elements.reply.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    composer.requestSubmit();
  }
});

await poll();
setInterval(poll, POLL_MS);

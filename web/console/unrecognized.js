// Turns the bot did not understand (intent "none"), for staff to work through.
import { api, el, formatDateTime, segmentLabel, showMessage } from './api.js';
import { mountNav } from './nav.js';

await mountNav('handoffs.html');

const form = document.getElementById('filter');
const message = document.getElementById('message');

async function load() {
  try {
    const { total, items } = await api(`/api/review/unrecognized?include=${encodeURIComponent(form.elements.include.value)}`);
    showMessage(message, '');
    document.getElementById('count').textContent = `${total} ${total === 1 ? 'turn' : 'turns'}`;
    const tbody = document.querySelector('#unrecognized tbody');
    tbody.replaceChildren(...items.map((item) => el('tr', {},
      el('td', {}, el('time', { dateTime: item.at }, formatDateTime(item.at))),
      el('td', { className: 'words' }, item.text),
      el('td', {}, el('span', { className: `segment segment-${item.segment}` }, segmentLabel(item.segment))),
      el('td', {}, el('a', { href: `conversation.html?id=${encodeURIComponent(item.conversationId)}` }, item.reviewed ? 'Open (reviewed)' : 'Open and review')))));
    if (items.length === 0) tbody.append(el('tr', {}, el('td', { colSpan: 4, className: 'muted' }, 'Nothing to work through.')));
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
}

form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
await load();

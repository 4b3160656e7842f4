import { api, el, formatDateTime, segmentLabel, showMessage } from './api.js';
import { mountNav } from './nav.js';

await mountNav('handoffs.html');

const form = document.getElementById('queue-filter');
const message = document.getElementById('message');

async function act(path) {
  try {
    await api(path, { method: 'POST', body: {} });
    await load();
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
}

// The shopper is told the first 8 characters of the handoff id (dialogs/interruptions.ts).
const reference = (id) => id.slice(0, 8).toUpperCase();

function row(h) {
  return el('tr', {},
    el('td', {}, reference(h.id)),
    el('td', {}, formatDateTime(h.requestedAt)),
    el('td', {}, el('span', { className: `segment segment-${h.segment}` }, segmentLabel(h.segment))),
    el('td', {}, h.reason),
    el('td', {}, h.status),
    el('td', { className: 'row-actions' },
      el('a', { className: 'button small', href: `conversation.html?id=${encodeURIComponent(h.conversationId)}` }, 'Open transcript'),
      h.status === 'open' && el('button', { type: 'button', className: 'small', onClick: () => act(`/api/review/handoffs/${h.id}/claim`) }, 'Claim'),
      h.status !== 'closed' && el('button', { type: 'button', className: 'small', onClick: () => act(`/api/review/handoffs/${h.id}/close`) }, 'Close')));
}

async function load() {
  try {
    const { items } = await api(`/api/review/handoffs?status=${encodeURIComponent(form.elements.status.value)}`);
    showMessage(message, '');
    const tbody = document.querySelector('#handoffs tbody');
    tbody.replaceChildren(...items.map(row));
    if (items.length === 0) tbody.append(el('tr', {}, el('td', { colSpan: 5, className: 'muted' }, 'Nothing waiting.')));
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
}

form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
await load();

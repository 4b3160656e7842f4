import { api, el, formatDateTime, segmentLabel, showMessage } from './api.js';
import { mountNav } from './nav.js';

await mountNav('conversations.html');

const form = document.getElementById('filters');
const tbody = document.querySelector('#conversations tbody');
const message = document.getElementById('message');
const summary = document.getElementById('summary');
const PAGE_SIZE = 25;
let page = 1;

function filterParams() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (String(value).trim()) params.set(name, String(value).trim());
  return params;
}

function flags(item) {
  return [item.voice && '🎤 voice', item.handoff && 'handoff', item.optedOut && 'opted out', item.reviewed && 'reviewed', ...item.tags]
    .filter(Boolean).map((flag) => el('span', { className: 'badge' }, flag));
}

function row(item) {
  const open = el('a', { className: 'button small', href: `conversation.html?id=${encodeURIComponent(item.id)}` }, 'Open');
  open.setAttribute('aria-label', `Open conversation from ${formatDateTime(item.lastActivityAt)}`);
  return el('tr', {},
    el('td', {}, formatDateTime(item.lastActivityAt)),
    el('td', {}, item.customerName || el('span', { className: 'muted' }, 'Guest')),
    el('td', {}, el('span', { className: `segment segment-${item.segment}` }, segmentLabel(item.segment))),
    el('td', {}, item.channelId),
    el('td', { className: 'preview' }, item.preview || '—'),
    el('td', {}, item.csat ?? '—'),
    el('td', {}, item.nps ?? '—'),
    el('td', {}, flags(item)),
    el('td', {}, open));
}

async function load() {
  const params = filterParams();
  document.getElementById('export').href = `/api/review/export/conversations.csv?${params}`;
  params.set('page', String(page));
  params.set('pageSize', String(PAGE_SIZE));
  history.replaceState(null, '', `?${params}`);
  try {
    const body = await api(`/api/review/conversations?${params}`);
    showMessage(message, '');
    tbody.replaceChildren(...body.items.map(row));
    if (body.items.length === 0) tbody.append(el('tr', {}, el('td', { colSpan: 9, className: 'muted' }, 'No conversations match these filters.')));
    const pages = Math.max(1, Math.ceil(body.total / PAGE_SIZE));
    summary.textContent = `${body.total} conversation${body.total === 1 ? '' : 's'}`;
    document.getElementById('page-label').textContent = `Page ${page} of ${pages}`;
    document.getElementById('previous').disabled = page <= 1;
    document.getElementById('next').disabled = page >= pages;
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
}

async function loadSegments() {
  const { items } = await api('/api/review/segments');
  const select = document.getElementById('segment');
  for (const segment of items) select.append(new Option(segmentLabel(segment), segment));
}

function restoreFromUrl() {
  const params = new URLSearchParams(window.location.search);
  for (const [name, value] of params) {
    if (name === 'page') page = Math.max(1, Number(value) || 1);
    else if (form.elements[name]) form.elements[name].value = value;
  }
}

form.addEventListener('submit', (event) => { event.preventDefault(); page = 1; load(); });
form.addEventListener('reset', () => setTimeout(() => { page = 1; load(); }));
document.getElementById('previous').addEventListener('click', () => { page -= 1; load(); });
document.getElementById('next').addEventListener('click', () => { page += 1; load(); });

await loadSegments();
restoreFromUrl();
await load();

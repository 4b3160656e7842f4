import { api, el, formatDateTime, segmentLabel, showMessage } from './api.js';
import { mountNav } from './nav.js';

await mountNav('conversations.html');

const id = new URLSearchParams(window.location.search).get('id');
const message = document.getElementById('message');
let detail;

/** replaceChildren without the false/null left by `condition && node`. */
function fill(element, ...nodes) {
  element.replaceChildren(...nodes.flat().filter((node) => node !== false && node !== null && node !== undefined));
}

function definition(term, value) {
  return [el('dt', {}, term), el('dd', {}, value ?? '—')];
}

/** A product by name, with its id for searching the shop's back office. */
function productLabel(item) {
  return item.productName ? `${item.productName} (${item.productId})` : item.productId;
}

function renderTranscript(entries) {
  fill(document.getElementById('transcript'), ...entries.map((entry) => el('li', { className: `turn ${entry.direction}` },
    el('div', { className: 'turn-meta' },
      el('span', {}, entry.direction === 'in' ? 'Customer' : 'Assistant'),
      el('time', { dateTime: entry.at }, formatDateTime(entry.at)),
      entry.voice && el('span', { className: 'badge badge-voice' }, '🎤 voice'),
      entry.intent && el('span', { className: 'badge' }, `intent: ${entry.intent}${entry.intentScore ? ` (${entry.intentScore.toFixed(2)})` : ''}`),
      entry.segment && el('span', { className: `segment segment-${entry.segment.primary}` }, segmentLabel(entry.segment.primary))),
    entry.text && el('p', {}, entry.text),
    entry.cards.length > 0 && el('ul', { className: 'cards' }, entry.cards.map((card) => el('li', {}, card))),
    entry.reasons.length > 0 && el('ul', { className: 'reasons', 'aria-label': 'Why these were suggested' },
      entry.reasons.map((r) => el('li', {}, `${productLabel(r)}: ${r.reason}`))))));
}

function renderSegment(context) {
  const body = document.getElementById('segment-body');
  if (!context.atTheTime) {
    fill(body, el('p', { className: 'muted' }, 'Guest conversation: no segment was known.'));
    return;
  }
  const s = context.atTheTime;
  fill(body, 
    el('p', {}, el('span', { className: `segment large segment-${s.primary}` }, segmentLabel(s.primary))),
    el('dl', {}, definition('RFM label', segmentLabel(s.rfmLabel)), definition('Persona', context.persona ? context.persona.name : s.persona)),
    context.persona && el('p', { className: 'muted' }, context.persona.description),
    context.changes.length > 1 && el('div', {}, el('h3', {}, 'Changes during the conversation'),
      el('ol', {}, context.changes.map((c) => el('li', {}, `${formatDateTime(c.at)}: ${segmentLabel(c.primary)} (${c.persona})`)))));
}

function renderCustomer(customer) {
  const body = document.getElementById('customer-body');
  if (!customer) {
    fill(body, el('p', { className: 'muted' }, 'Not identified.'));
    return;
  }
  fill(body, el('dl', {},
    definition('Name', customer.displayName), definition('Customer id', customer.id),
    definition('Email', customer.email), definition('Postcode', customer.postcode), definition('Country', customer.country),
    definition('Personalisation', customer.consent.personalization ? 'allowed' : 'opted out'),
    definition('Marketing', customer.consent.marketing ? 'allowed' : 'not allowed')),
  customer.contactMasked && el('p', { className: 'muted' }, 'Contact details are hidden for agents.'));
}

function renderOutcome() {
  const suggestions = detail.suggestions.length === 0 ? el('p', { className: 'muted' }, 'No suggestions recorded.')
    : el('table', { className: 'compact' }, el('caption', { className: 'visually-hidden' }, 'Suggestion events'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Product'), el('th', { scope: 'col' }, 'Event'), el('th', { scope: 'col' }, 'Reason'))),
      el('tbody', {}, detail.suggestions.map((s) => el('tr', {}, el('td', {}, productLabel(s)), el('td', {}, s.kind), el('td', {}, s.reason)))));
  const feedback = detail.feedback.length === 0 ? el('p', { className: 'muted' }, 'No survey answers.')
    : el('ul', {}, detail.feedback.map((f) => el('li', {}, `CSAT ${f.csat ?? '—'} · NPS ${f.nps ?? '—'}${f.comment ? ` · “${f.comment}”` : ''}`)));
  const handoffs = detail.handoffs.map((h) => el('p', { className: 'badge' }, `Handoff ${h.status}: ${h.reason}`));
  fill(document.getElementById('outcome-body'), suggestions, el('h3', {}, 'Feedback'), feedback, ...handoffs);
}

function renderReview(conversation) {
  document.getElementById('tags').value = conversation.tags.join(', ');
  fill(document.getElementById('notes'), ...conversation.notes.map((n) =>
    el('li', {}, el('p', {}, n.text), el('p', { className: 'muted' }, `${n.author}, ${formatDateTime(n.at)}`))));
  document.getElementById('reviewed').textContent = conversation.reviewedAt ? 'Mark as not reviewed' : 'Mark as reviewed';
}

async function load() {
  try {
    detail = await api(`/api/review/conversations/${encodeURIComponent(id)}`);
  } catch (error) {
    showMessage(message, error.message, 'error');
    return;
  }
  const c = detail.conversation;
  document.getElementById('title').textContent = `Conversation on ${c.channelId}, ${formatDateTime(c.startedAt)}`;
  renderTranscript(c.entries);
  renderSegment(detail.segmentContext);
  renderCustomer(detail.customer);
  renderOutcome();
  renderReview(c);
}

async function act(action) {
  try {
    await action();
    showMessage(message, '');
    await load();
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
}

const path = `/api/review/conversations/${encodeURIComponent(id)}`;
document.getElementById('tags-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const tags = document.getElementById('tags').value.split(',').map((t) => t.trim()).filter(Boolean);
  act(() => api(`${path}/tags`, { method: 'PUT', body: { tags } }));
});
document.getElementById('note-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const note = document.getElementById('note');
  act(async () => { await api(`${path}/notes`, { method: 'POST', body: { text: note.value } }); note.value = ''; });
});
document.getElementById('reviewed').addEventListener('click', () =>
  act(() => api(`${path}/reviewed`, { method: 'POST', body: { reviewed: !detail.conversation.reviewedAt } })));

await load();

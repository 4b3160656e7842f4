// Campaigns: build an audience (live count and masked preview), create, dry-run, start, pause, resume, and watch.
import { api, el, formatDateTime, segmentLabel, showMessage } from './api.js';
import { mountNav } from './nav.js';

const me = await mountNav('campaigns.html');
if (me.role !== 'marketer' && me.role !== 'admin') {
  // Nothing of the page for other roles, not even its empty form.
  document.getElementById('main').replaceChildren(el('h1', {}, 'Campaigns'),
    el('p', { className: 'notice', role: 'alert' }, 'This page is for marketers and admins.'),
    el('a', { className: 'button', href: 'conversations.html' }, 'Back to conversations'));
  throw new Error('campaigns are for marketers and admins');
}
const form = document.getElementById('new-campaign');
const message = document.getElementById('message');
const countLine = document.getElementById('audience-count');
const previewBody = document.querySelector('#preview tbody');
const listBody = document.querySelector('#campaigns tbody');
const dryRunPanel = document.getElementById('dry-run');
const KINDS = [['rfmLabels', 'RFM labels'], ['ruleSegments', 'Rule segments'], ['personas', 'Personas'], ['clusters', 'Clusters']];
const REFRESH_MS = 5000;

const choices = await api('/api/review/campaigns/choices');
const audienceBox = document.getElementById('audience');
for (const [kind, legend] of KINDS) {
  const options = kind === 'personas' ? choices.personas.map((p) => [p.id, p.name])
    : choices[kind].map((value) => [String(value), kind === 'clusters' ? `Cluster ${value}` : segmentLabel(value)]);
  audienceBox.append(el('fieldset', {}, el('legend', {}, legend), options.map(([value, label]) =>
    el('label', {}, el('input', { type: 'checkbox', name: kind, value, onChange: () => scheduleCount() }), ` ${label}`))));
}

function audience() {
  const picked = (kind) => [...form.querySelectorAll(`input[name="${kind}"]:checked`)].map((i) => i.value);
  return {
    rfmLabels: picked('rfmLabels'), ruleSegments: picked('ruleSegments'), personas: picked('personas'),
    clusters: picked('clusters').map(Number),
  };
}

let countTimer;
let countRequest = 0;
function scheduleCount() {
  clearTimeout(countTimer);
  countTimer = setTimeout(refreshCount, 250);
}

async function refreshCount() {
  const request = ++countRequest;
  const chosen = audience();
  if (Object.values(chosen).every((list) => list.length === 0)) {
    countLine.textContent = 'Choose an audience.';
    delete countLine.dataset.kind;
    previewBody.replaceChildren();
    return;
  }
  try {
    const preview = await api('/api/review/campaigns/audience', { method: 'POST', body: { audience: chosen } });
    if (request !== countRequest) return; // a newer choice answered first
    countLine.textContent = `${preview.members} customers in the audience, ${preview.consenting} with marketing consent`
      + (preview.refusal ? ` — too small: ${preview.refusal}.` : '.');
    countLine.dataset.kind = preview.refusal ? 'error' : 'info';
    previewBody.replaceChildren(...preview.sample.map((c) => el('tr', {},
      el('td', {}, c.displayName), el('td', {}, c.email), el('td', {}, c.postcode), el('td', {}, c.country))));
  } catch (error) {
    if (request !== countRequest) return;
    countLine.textContent = error.message;
    countLine.dataset.kind = 'error';
    previewBody.replaceChildren();
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const quiet = form.quietStart.value && form.quietEnd.value ? { start: form.quietStart.value, end: form.quietEnd.value } : null;
  const body = {
    name: form.name.value, message: form.message.value, strategy: form.strategy.value, audience: audience(),
    frequencyCap: { maxMessages: Number(form.maxMessages.value), perDays: 7 }, quietHours: quiet,
    ...(form.startAt.value ? { startAt: new Date(form.startAt.value).toISOString() } : {}),
  };
  try {
    const created = await api('/api/review/campaigns', { method: 'POST', body });
    showMessage(message, `Created “${created.name}”. Check it with a dry run, then start it.`);
    await loadList();
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
});

function audienceText(a) {
  return [...a.rfmLabels.map(segmentLabel), ...a.ruleSegments.map(segmentLabel), ...a.personas, ...a.clusters.map((c) => `cluster ${c}`)].join(', ');
}

async function act(campaign, action) {
  try {
    if (action === 'dry-run') {
      showDryRun(campaign, await api(`/api/review/campaigns/${campaign.id}/dry-run`, { method: 'POST', body: {} }));
    } else {
      const changed = await api(`/api/review/campaigns/${campaign.id}/${action}`, { method: 'POST', body: {} });
      showMessage(message, `“${changed.name}” is ${changed.status}.`);
    }
    await loadList();
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
}

function showDryRun(campaign, plan) {
  const outcome = { proactive: 'message now', next_visit: 'at next chat visit', skipped: 'not sent' };
  dryRunPanel.hidden = false;
  dryRunPanel.replaceChildren(
    el('h2', {}, `Dry run: ${campaign.name}`),
    el('p', { className: 'dry-run-summary' }, `Would reach ${plan.wouldReach}: ${plan.proactive} now, ${plan.nextVisit} at their next visit. `
      + `Not sent: ${plan.skipped.noConsent} without marketing consent, ${plan.skipped.frequencyCap} over the frequency cap. Nothing was sent.`),
    el('div', { className: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Customer'), el('th', { scope: 'col' }, 'Email'), el('th', { scope: 'col' }, 'Outcome'))),
      el('tbody', {}, plan.customers.map((e) => el('tr', {}, el('td', {}, e.customer.displayName), el('td', {}, e.customer.email),
        el('td', {}, `${outcome[e.outcome]}${e.reason ? ` (${e.reason.replace(/_/g, ' ')})` : ''}`)))))));
}

const ACTIONS = { draft: ['dry-run', 'start'], scheduled: ['dry-run', 'pause'], running: ['dry-run', 'pause'], paused: ['dry-run', 'resume'], completed: [] };
const LABELS = { 'dry-run': 'Dry run', start: 'Start', pause: 'Pause', resume: 'Resume' };

async function loadList() {
  const { items } = await api('/api/review/campaigns');
  listBody.replaceChildren(...items.map((c) => el('tr', { 'data-id': c.id },
    el('td', {}, c.name), el('td', {}, c.status), el('td', {}, audienceText(c.audience)), el('td', {}, formatDateTime(c.startAt)),
    el('td', {}, c.counts.sent), el('td', {}, c.counts.queued), el('td', {}, c.counts.shown), el('td', {}, c.counts.skipped),
    el('td', {}, el('div', { className: 'row-actions' }, ACTIONS[c.status].map((action) =>
      el('button', { type: 'button', 'aria-label': `${LABELS[action]} ${c.name}`, onClick: () => act(c, action) }, LABELS[action])))))));
  if (items.length === 0) listBody.replaceChildren(el('tr', {}, el('td', { colSpan: 9, className: 'muted' }, 'No campaigns yet.')));
}

await loadList();
// Watching: the counts move while the scheduler sends.
setInterval(() => { loadList().catch(() => undefined); }, REFRESH_MS);

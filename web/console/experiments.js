import { api, el, formatDateTime, segmentLabel, showMessage } from './api.js';
import { mountNav } from './nav.js';
import { GUARDRAIL_TEXT, meanWithInterval, percentWithInterval } from './experiments.format.js';
import { drawBar } from './charts.js';

await mountNav('experiments.html');

const message = document.getElementById('message');
const detail = document.getElementById('experiment-detail');
const segmentFilter = document.getElementById('segment-filter');
const charts = new Map();
const STRATEGIES = ['', 'win_back', 'upsell_premium', 'welcome_bestsellers', 'reward_loyalty', 'nurture', 'value'];
const TONES = ['', 'warm', 'upbeat', 'respectful', 'concise', 'grateful'];
const TIMINGS = ['', 'after_suggestions', 'always_on_goodbye', 'only_on_request'];
let current = null;

function options(values, emptyLabel) {
  return values.map((v) => el('option', { value: v }, v ? segmentLabel(v) : emptyLabel));
}

function variantRow(index) {
  const n = index + 1;
  const input = (name, props) => el('input', { name, 'aria-label': `Variant ${n} ${name}`, ...props });
  const select = (name, values, empty) => el('select', { name, 'aria-label': `Variant ${n} ${name}` }, options(values, empty));
  return el('tr', {},
    el('td', {}, input('id', { value: index === 0 ? 'control' : `variant-${n}`, required: true, pattern: '[a-z0-9_\\-]{1,40}' })),
    el('td', {}, input('name', { value: index === 0 ? 'Control' : `Variant ${n}`, required: true })),
    el('td', {}, input('weight', { type: 'number', min: '0.01', step: 'any', value: '1', required: true })),
    el('td', {}, select('strategy', STRATEGIES, "persona's own")),
    el('td', {}, select('tone', TONES, "persona's own")),
    el('td', {}, select('surveyTiming', TIMINGS, 'default')));
}

const variantBody = document.querySelector('#variant-rows tbody');
variantBody.append(variantRow(0), variantRow(1));
document.getElementById('add-variant').addEventListener('click', () => {
  if (variantBody.children.length < 6) variantBody.append(variantRow(variantBody.children.length));
});

function readDefinition(form) {
  const variants = [...variantBody.children].map((row) => {
    const value = (name) => row.querySelector(`[name="${name}"]`).value.trim();
    const changes = {};
    for (const key of ['strategy', 'tone', 'surveyTiming']) if (value(key)) changes[key] = value(key);
    return { id: value('id'), name: value('name'), weight: Number(value('weight')), changes };
  });
  const guardrails = ['optOutRate', 'csat'].filter((g) => form.elements[`guard-${g}`].checked);
  const segments = form.elements.segments.value.split(',').map((s) => s.trim()).filter(Boolean);
  const hypothesis = form.elements.hypothesis.value.trim();
  return { name: document.getElementById('exp-name').value.trim(), ...(hypothesis ? { hypothesis } : {}), segments, guardrails, variants };
}

document.getElementById('new-experiment').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const created = await api('/api/review/experiments', { method: 'POST', body: readDefinition(event.target) });
    showMessage(message, `Experiment “${created.name}” started.`);
    await loadList();
    await openExperiment(created.id);
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
});

async function loadList() {
  const { items } = await api('/api/review/experiments');
  document.querySelector('#experiment-list tbody').replaceChildren(...items.map((e) => el('tr', {},
    el('th', { scope: 'row' }, e.name),
    el('td', {}, e.status === 'running' ? 'running' : e.winnerVariantId ? `ended, rolled out ${e.variants.find((v) => v.id === e.winnerVariantId)?.name}` : 'ended'),
    el('td', {}, e.segments.length ? e.segments.map(segmentLabel).join(', ') : 'all'),
    el('td', {}, e.variants.map((v) => `${v.name} (${v.weight})`).join(', ')),
    el('td', {}, e.exposures),
    el('td', {}, formatDateTime(e.createdAt)),
    el('td', {}, el('button', { type: 'button', className: 'small', onClick: () => openExperiment(e.id) }, `Show ${e.name}`)))));
}

async function openExperiment(id) {
  try {
    current = await api(`/api/review/experiments/${encodeURIComponent(id)}`);
    const { experiment } = current;
    detail.hidden = false;
    document.getElementById('detail-title').textContent = experiment.name;
    document.getElementById('detail-summary').textContent = [
      experiment.hypothesis, `Status: ${experiment.status}.`, `Orders count within ${current.windowDays} days of a suggestion (last touch).`,
    ].filter(Boolean).join(' ');
    document.getElementById('export-kpis').href = `/api/review/experiments/${encodeURIComponent(id)}/kpis.csv`;
    segmentFilter.replaceChildren(...current.segments.map((s) => el('option', { value: s.segment }, s.segment === 'all' ? 'All segments' : segmentLabel(s.segment))));
    segmentFilter.value = 'all';
    const endForm = document.getElementById('end-form');
    endForm.hidden = experiment.status !== 'running';
    document.getElementById('winner').replaceChildren(
      ...experiment.variants.map((v) => el('option', { value: v.id }, `${v.name}${v.id === experiment.controlVariantId ? ' (control)' : ''}`)),
      el('option', { value: '' }, 'No roll-out: back to the personas’ defaults'));
    renderSegment();
    history.replaceState(null, '', `?id=${encodeURIComponent(id)}`);
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
}

function renderSegment() {
  const group = current.segments.find((s) => s.segment === segmentFilter.value) ?? current.segments[current.segments.length - 1];
  const rows = group.variants;
  document.querySelector('#variant-table tbody').replaceChildren(...rows.map((v) => el('tr', {},
    el('th', { scope: 'row' }, `${v.name}${v.control ? ' (control)' : ''}`),
    el('td', {}, v.exposures),
    el('td', {}, percentWithInterval(v.openRate)),
    el('td', {}, percentWithInterval(v.conversion)),
    el('td', {}, meanWithInterval(v.revenuePerConversation)),
    el('td', {}, meanWithInterval(v.csat)),
    el('td', {}, percentWithInterval(v.optOutRate)),
    el('td', { className: v.warnings.length ? 'warn-cell' : undefined }, v.warnings.length ? v.warnings.map((w) => GUARDRAIL_TEXT[w]).join('; ') : 'ok'))));
  document.getElementById('guardrail-warnings').replaceChildren(...rows.flatMap((v) => v.warnings.map((w) =>
    el('li', {}, `Guardrail: ${v.name} — ${GUARDRAIL_TEXT[w]} (${group.segment === 'all' ? 'all segments' : segmentLabel(group.segment)}).`))));
  const pct = (estimate) => (estimate.value === null ? null : estimate.value * 100);
  drawBar(charts, 'chart-variants', rows.map((v) => v.name), [
    { label: 'Open rate', data: rows.map((v) => pct(v.openRate)), backgroundColor: '#1f5f8b' },
    { label: 'Conversion', data: rows.map((v) => pct(v.conversion)), backgroundColor: '#2a9d8f' },
    { label: 'Opt-out rate', data: rows.map((v) => pct(v.optOutRate)), backgroundColor: '#e76f51' },
  ], { y: { max: 100 } });
}

segmentFilter.addEventListener('change', renderSegment);
document.getElementById('end-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const winnerVariantId = document.getElementById('winner').value || null;
  try {
    const ended = await api(`/api/review/experiments/${encodeURIComponent(current.experiment.id)}/end`, { method: 'POST', body: { winnerVariantId } });
    const winner = ended.variants.find((v) => v.id === ended.winnerVariantId);
    // Ended: nothing more to end, even before the detail below is read again.
    event.target.hidden = true;
    showMessage(message, winner ? `Ended; “${winner.name}” is rolled out.` : 'Ended; the personas’ defaults apply again.');
    await loadList();
    await openExperiment(ended.id);
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
});

try {
  await loadList();
  const id = new URLSearchParams(window.location.search).get('id');
  if (id) await openExperiment(id);
} catch (error) {
  showMessage(message, error.message, 'error');
}

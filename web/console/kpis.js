import { api, el, formatNumber, formatPercent, segmentLabel, showMessage } from './api.js';
import { mountNav } from './nav.js';
import { drawBar as drawChart, PALETTE } from './charts.js';

await mountNav('kpis.html');

const form = document.getElementById('range');
const message = document.getElementById('message');
const charts = new Map();
const drawBar = (canvasId, labels, datasets, options) => drawChart(charts, canvasId, labels, datasets, options);

function render(rows) {
  const segments = rows.filter((r) => r.segment !== 'all');
  const labels = segments.map((r) => segmentLabel(r.segment));
  const colours = segments.map((_, i) => PALETTE[i % PALETTE.length]);
  drawBar('chart-conversations', labels, [{ label: 'Conversations', data: segments.map((r) => r.conversations), backgroundColor: colours }],
    { y: { ticks: { precision: 0 } } });
  drawBar('chart-csat', labels, [{ label: 'CSAT', data: segments.map((r) => r.csatAverage), backgroundColor: colours }], { y: { max: 5 } });
  drawBar('chart-nps', labels, [{ label: 'NPS', data: segments.map((r) => r.nps), backgroundColor: colours }], { y: { min: -100, max: 100 } });
  drawBar('chart-suggestions', labels, [
    { label: 'Opened', data: segments.map((r) => (r.openedRate === null ? null : r.openedRate * 100)), backgroundColor: '#2a9d8f' },
    { label: 'Dismissed', data: segments.map((r) => (r.dismissedRate === null ? null : r.dismissedRate * 100)), backgroundColor: '#e76f51' },
  ], { y: { max: 100, title: { display: true, text: '% of shown' } } });
  document.querySelector('#kpi-table tbody').replaceChildren(...rows.map((r) => el('tr', { className: r.segment === 'all' ? 'total' : undefined },
    el('th', { scope: 'row' }, segmentLabel(r.segment)),
    el('td', {}, r.conversations), el('td', {}, formatPercent(r.identifiedShare)), el('td', {}, r.suggestionsShown),
    el('td', {}, formatPercent(r.openedRate)), el('td', {}, formatPercent(r.dismissedRate)),
    el('td', {}, `${formatNumber(r.csatAverage)} (${r.csatResponses})`), el('td', {}, `${formatNumber(r.nps, 1)} (${r.npsResponses})`),
    el('td', {}, formatPercent(r.optOutRate)), el('td', {}, r.handoffs))));
}

async function load() {
  const params = new URLSearchParams();
  for (const name of ['from', 'to']) if (form.elements[name].value) params.set(name, form.elements[name].value);
  document.getElementById('export').href = `/api/review/export/kpis.csv?${params}`;
  history.replaceState(null, '', `?${params}`);
  try {
    const body = await api(`/api/review/kpis?${params}`);
    showMessage(message, '');
    render(body.rows);
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
document.getElementById('last-week').addEventListener('click', () => {
  const today = new Date();
  form.elements.to.value = isoDay(today);
  form.elements.from.value = isoDay(new Date(today.getTime() - 6 * 86_400_000));
  load();
});
for (const [name, value] of new URLSearchParams(window.location.search)) if (form.elements[name]) form.elements[name].value = value;
await load();

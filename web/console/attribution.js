import { api, el, segmentLabel, showMessage } from './api.js';
import { mountNav } from './nav.js';
import { money, percentWithInterval } from './experiments.format.js';
import { drawBar, PALETTE } from './charts.js';

await mountNav('attribution.html');

const form = document.getElementById('range');
const message = document.getElementById('message');
const charts = new Map();
const ATTRIBUTION_COLUMNS = ['Touched conversations', 'Converted', 'Conversion rate (95 % interval)', 'Attributed orders', 'Attributed revenue', 'Average order value'];

function head(table, first, columns) {
  document.querySelector(`#${table} thead`).replaceChildren(el('tr', {}, [first, ...columns].map((c) => el('th', { scope: 'col' }, c))));
}

function attributionRows(table, first, rows, total, labelOf) {
  head(table, first, ATTRIBUTION_COLUMNS);
  document.querySelector(`#${table} tbody`).replaceChildren(...[...rows, total].map((r) => el('tr', { className: r === total ? 'total' : undefined },
    el('th', { scope: 'row' }, r === total ? 'all' : labelOf(r)),
    el('td', {}, r.touchedConversations), el('td', {}, r.convertedConversations), el('td', {}, percentWithInterval(r.conversionRate)),
    el('td', {}, r.attributedOrders), el('td', {}, money(r.attributedRevenue)), el('td', {}, money(r.averageOrderValue)))));
}

function render(body) {
  document.getElementById('method').textContent = `Last touch: an order is credited to the last suggestion of one of its products the customer saw or opened `
    + `within ${body.windowDays} days before it; only those lines count as attributed revenue. Lifetime value = historic spend per customer `
    + `+ average order value × orders per year × ${body.expectedYears} expected years.`;
  const t = body.total;
  document.getElementById('totals').replaceChildren(...[
    ['Attributed revenue', money(t.attributedRevenue)], ['Attributed orders', t.attributedOrders],
    ['Conversion rate', percentWithInterval(t.conversionRate)], ['Average order value', money(t.averageOrderValue)],
  ].map(([label, value]) => el('div', {}, el('dt', {}, label), el('dd', {}, String(value)))));
  attributionRows('by-segment', 'Segment', body.bySegment, t, (r) => segmentLabel(r.key));
  attributionRows('by-campaign', 'Campaign', body.byCampaign, t, (r) => (r.key === 'none' ? 'no campaign' : r.key));
  attributionRows('by-variant', 'Variant', body.byVariant, t, (r) => r.label);
  head('lifetime', 'Segment', ['Customers', 'Orders', 'Historic value per customer', 'Average order value', 'Orders per customer per year', 'Projected value', 'Lifetime value']);
  document.querySelector('#lifetime tbody').replaceChildren(...body.lifetimeValue.map((r) => el('tr', { className: r.segment === 'all' ? 'total' : undefined },
    el('th', { scope: 'row' }, segmentLabel(r.segment)), el('td', {}, r.customers), el('td', {}, r.orders),
    el('td', {}, money(r.historicValuePerCustomer)), el('td', {}, money(r.averageOrderValue)),
    el('td', {}, r.ordersPerCustomerPerYear ?? '—'), el('td', {}, money(r.projectedValue)), el('td', {}, money(r.lifetimeValue)))));

  const segments = body.bySegment;
  const colours = segments.map((_, i) => PALETTE[i % PALETTE.length]);
  drawBar(charts, 'chart-revenue', segments.map((r) => segmentLabel(r.key)), [{ label: 'Attributed revenue', data: segments.map((r) => r.attributedRevenue), backgroundColor: colours }]);
  drawBar(charts, 'chart-conversion', segments.map((r) => segmentLabel(r.key)), [{
    label: 'Conversion rate', data: segments.map((r) => (r.conversionRate.value === null ? null : r.conversionRate.value * 100)), backgroundColor: colours,
  }], { y: { max: 100 } });
  const clv = body.lifetimeValue.filter((r) => r.segment !== 'all');
  drawBar(charts, 'chart-clv', clv.map((r) => segmentLabel(r.segment)), [
    { label: 'Historic', data: clv.map((r) => r.historicValuePerCustomer), backgroundColor: '#1f5f8b' },
    { label: 'Projected', data: clv.map((r) => r.projectedValue), backgroundColor: '#e9c46a' },
  ], { stacked: true });
  drawBar(charts, 'chart-variant', body.byVariant.map((r) => r.label), [{ label: 'Attributed revenue', data: body.byVariant.map((r) => r.attributedRevenue), backgroundColor: '#2a9d8f' }]);
}

async function load() {
  const params = new URLSearchParams();
  for (const name of ['from', 'to']) if (form.elements[name].value) params.set(name, form.elements[name].value);
  for (const view of ['segment', 'campaign', 'variant', 'lifetime']) {
    const csv = new URLSearchParams(params);
    csv.set('view', view);
    document.getElementById(`export-${view}`).href = `/api/review/attribution/export.csv?${csv}`;
  }
  history.replaceState(null, '', `?${params}`);
  try {
    render(await api(`/api/review/attribution?${params}`));
    showMessage(message, '');
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
}

form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
for (const [name, value] of new URLSearchParams(window.location.search)) if (form.elements[name]) form.elements[name].value = value;
await load();

// Formatting shared by the experiments and attribution pages: estimates with their 95 % intervals.

export function percentWithInterval(estimate) {
  if (!estimate || estimate.value === null) return '—';
  const pct = (v) => (v * 100).toFixed(1);
  const ci = estimate.ci ? ` (${pct(estimate.ci.low)}–${pct(estimate.ci.high)})` : '';
  return `${pct(estimate.value)}%${ci} n=${estimate.n}`;
}

export function meanWithInterval(estimate, digits = 2) {
  if (!estimate || estimate.value === null) return '—';
  const f = (v) => Number(v).toFixed(digits);
  const ci = estimate.ci ? ` (${f(estimate.ci.low)}–${f(estimate.ci.high)})` : '';
  return `${f(estimate.value)}${ci} n=${estimate.n}`;
}

export function money(value) {
  return value === null || value === undefined ? '—' : `£${Number(value).toFixed(2)}`;
}

export const GUARDRAIL_TEXT = {
  optOutRate: 'opt-out rate significantly higher than control',
  csat: 'CSAT significantly lower than control',
};


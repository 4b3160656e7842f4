/**
 * A minimal RFM labelling for the segment-popularity baseline, computed from train only: quintile scores
 * (1..5) of recency and frequency, mapped onto the usual named segments. Kept here so the evaluation does
 * not depend on the segmentation module; labels from elsewhere can be passed in instead.
 */
import type { Transaction } from './split';

interface Totals { last: number; invoices: Set<string> }

/** Score 1..5 by rank quintile (ties share the lower rank; higher is better). */
function quintiles(values: number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
  const scores = new Array<number>(values.length);
  order.forEach(({ v, i }, rank) => {
    let first = rank;
    while (first > 0 && order[first - 1].v === v) first--;
    scores[i] = 1 + Math.floor((5 * first) / values.length);
  });
  return scores;
}

export function rfmLabel(r: number, f: number): string {
  if (r >= 5 && f >= 4) return 'champions';
  if (r >= 3 && f >= 4) return 'loyal_customers';
  if (r <= 2 && f >= 5) return 'cant_lose';
  if (r <= 2 && f >= 3) return 'at_risk';
  if (r <= 2) return 'hibernating';
  if (r === 3 && f === 3) return 'need_attention';
  if (r === 3) return 'about_to_sleep';
  if (f === 1) return r === 5 ? 'new_customers' : 'promising';
  return 'potential_loyalists';
}

/** customerId -> RFM label from the train transactions, with recency measured at `asOf`. */
export function rfmLabels(train: readonly Transaction[], asOf: number): Map<string, string> {
  const totals = new Map<string, Totals>();
  for (const row of train) {
    let t = totals.get(row.customerId);
    if (!t) totals.set(row.customerId, (t = { last: row.time, invoices: new Set() }));
    if (row.time > t.last) t.last = row.time;
    t.invoices.add(row.invoiceNo);
  }
  const ids = [...totals.keys()].sort();
  const recency = quintiles(ids.map((id) => -(asOf - (totals.get(id)?.last ?? asOf))));
  const frequency = quintiles(ids.map((id) => totals.get(id)?.invoices.size ?? 0));
  return new Map(ids.map((id, i) => [id, rfmLabel(recency[i], frequency[i])]));
}

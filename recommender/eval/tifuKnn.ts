/**
 * TIFU-KNN (Hu et al., SIGIR 2020, "Modeling Personalized Item Frequency Information for Next-basket
 * Recommendation"), as the authors' code runs it: a customer's baskets (invoices, oldest first) become binary
 * vectors; consecutive baskets form groups of m (counted back from the latest); a group's vector is the mean of its
 * baskets, each decayed by r_b per later basket in the group; the customer's vector is the mean of the group vectors, each
 * decayed by r_g per later group (the paper's equations; the authors' code cuts into m groups instead, which scores
 * 0.379 here against the reference's 0.392). The prediction is
 * alpha * own vector + (1 - alpha) * mean vector of the k nearest customers (Euclidean, the customer included).
 */
import type { Ranker } from './baselines';
import type { Transaction } from './split';
import { padTo, type TrainStats } from './trainStats';

export interface TifuKnnOptions {
  /** m: baskets per group. */
  groupSize: number;
  /** r_b: decay per basket. */
  withinDecay: number;
  /** r_g: decay per group. */
  groupDecay: number;
  /** k: nearest customers. */
  neighbours: number;
  /** Share of the customer's own vector in the prediction. */
  alpha: number;
}

/** The reference settings of shared/docs/EVALUATION.md per variant. */
export const TIFU_REFERENCE: Record<'all' | 'new', TifuKnnOptions> = {
  all: { groupSize: 3, withinDecay: 1, groupDecay: 0.6, neighbours: 300, alpha: 0.9 },
  new: { groupSize: 3, withinDecay: 1, groupDecay: 0.6, neighbours: 100, alpha: 0.5 },
};

/** A sparse vector: parallel item indices and values. */
export interface SparseVector { items: number[]; values: number[] }

/** Baskets of each customer (distinct item indices per invoice), oldest first; ties by invoice number. */
export function customerBaskets(train: readonly Transaction[], indexOf: ReadonlyMap<string, number>): Map<string, number[][]> {
  const invoices = new Map<string, { customerId: string; time: number; invoiceNo: string; items: Set<number> }>();
  for (const row of train) {
    let invoice = invoices.get(row.invoiceNo);
    if (!invoice) invoices.set(row.invoiceNo, (invoice = { customerId: row.customerId, time: row.time, invoiceNo: row.invoiceNo, items: new Set() }));
    const item = indexOf.get(row.stockCode);
    if (item !== undefined) invoice.items.add(item);
  }
  const ordered = [...invoices.values()].sort((a, b) => a.time - b.time || (a.invoiceNo < b.invoiceNo ? -1 : 1));
  const baskets = new Map<string, number[][]>();
  for (const invoice of ordered) {
    let list = baskets.get(invoice.customerId);
    if (!list) baskets.set(invoice.customerId, (list = []));
    list.push([...invoice.items]);
  }
  return baskets;
}

/**
 * Cuts n baskets into groups of `size` consecutive baskets counted back from the latest (the oldest group may be
 * short): [from, to) bounds, oldest group first. This reading of the paper reproduces the reference row.
 */
export function groupBounds(n: number, size: number): [number, number][] {
  const bounds: [number, number][] = [];
  for (let end = n; end > 0; end -= size) bounds.unshift([Math.max(0, end - size), end]);
  return bounds;
}

/** sum over groups g (oldest first, k groups) of r_g^(k-1-g) / k * mean over the group's baskets of r_b^(later in group) * basket. */
export function tifuVector(baskets: readonly (readonly number[])[], options: TifuKnnOptions): SparseVector {
  const sums = new Map<number, number>();
  const bounds = groupBounds(baskets.length, options.groupSize);
  const k = bounds.length;
  bounds.forEach(([from, to], g) => {
    const groupWeight = Math.pow(options.groupDecay, k - 1 - g) / k / (to - from);
    for (let b = from; b < to; b++) {
      const weight = groupWeight * Math.pow(options.withinDecay, to - 1 - b);
      for (const item of baskets[b]) sums.set(item, (sums.get(item) ?? 0) + weight);
    }
  });
  return { items: [...sums.keys()], values: [...sums.values()] };
}

export function tifuKnnRanker(train: readonly Transaction[], stats: TrainStats, options: TifuKnnOptions): Ranker {
  const items = [...stats.customerCount.keys()].sort();
  const indexOf = new Map(items.map((item, i) => [item, i]));
  const customers = [...customerBaskets(train, indexOf)];
  const rowOf = new Map(customers.map(([customerId], row) => [customerId, row]));
  const vectors = customers.map(([, baskets]) => tifuVector(baskets, options));
  const norms = vectors.map((v) => v.values.reduce((s, x) => s + x * x, 0));
  // item -> (customer row, value), for sparse dot products.
  const buyers: { rows: number[]; values: number[] }[] = items.map(() => ({ rows: [], values: [] }));
  vectors.forEach((v, row) => v.items.forEach((item, k) => { buyers[item].rows.push(row); buyers[item].values.push(v.values[k]); }));
  const dots = new Float64Array(vectors.length);
  return (user, k) => {
    const row = rowOf.get(user.customerId);
    if (row === undefined) return padTo([], stats.popular, user.exclude, k);
    const own = vectors[row];
    dots.fill(0);
    own.items.forEach((item, j) => {
      const list = buyers[item];
      for (let b = 0; b < list.rows.length; b++) dots[list.rows[b]] += own.values[j] * list.values[b];
    });
    const order = Array.from({ length: vectors.length }, (_, r) => r);
    const distance = (r: number): number => norms[row] + norms[r] - 2 * dots[r];
    const distances = order.map(distance);
    order.sort((a, b) => distances[a] - distances[b] || a - b);
    const neighbours = order.slice(0, Math.min(options.neighbours, order.length));
    const scores = new Map<number, number>();
    const share = (1 - options.alpha) / neighbours.length;
    for (const r of neighbours) vectors[r].items.forEach((item, j) => scores.set(item, (scores.get(item) ?? 0) + share * vectors[r].values[j]));
    own.items.forEach((item, j) => scores.set(item, (scores.get(item) ?? 0) + options.alpha * own.values[j]));
    const ranked = [...scores].filter(([item, s]) => s > 0 && !user.exclude.has(items[item])).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return padTo(ranked.slice(0, k).map(([item]) => items[item]), stats.popular, user.exclude, k);
  };
}

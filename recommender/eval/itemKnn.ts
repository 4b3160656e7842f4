/**
 * Item-kNN on the binary user-item matrix: cosine with shrinkage, sim(i,j) = |U_i & U_j| / (sqrt(|U_i||U_j|) + shrink).
 * As in the usual reference implementation, each target item keeps its `neighbours` most similar source items
 * (column-wise top-k, ties to the lower item index), and score(u, i) = sum of sim(j, i) over the user's items j among
 * them (added in the order of the user's items). Padded with popularity; ranked by score, ties to the lower index.
 *
 * Built with typed arrays: the co-occurrence matrix is symmetric, so a target's column is read as its row; only the
 * set of top sources matters (each source's list is in target order whatever their rank), so it is found by a
 * threshold selection rather than a sort.
 */
import type { Ranker } from './baselines';
import { padTo, type TrainStats } from './trainStats';

/** For each source item, the targets whose top sources include it (ascending) and the similarity. */
interface OutgoingLists {
  start: Int32Array;
  target: Int32Array;
  sim: Float64Array;
}

export function itemKnnRanker(stats: TrainStats, neighbours = 200, shrink = 10): Ranker {
  const items = [...stats.customerCount.keys()].sort();
  const indexOf = new Map(items.map((item, i) => [item, i]));
  const n = items.length;
  const co = new Float32Array(n * n);
  const userCount = new Float64Array(n);
  const userLists = new Map<string, Int32Array>();
  for (const [customerId, bought] of stats.userItems) {
    const distinct = Int32Array.from(bought.keys(), (item) => indexOf.get(item) ?? -1);
    userLists.set(customerId, distinct);
    for (const a of distinct) {
      userCount[a]++;
      const row = a * n;
      for (const b of distinct) if (a !== b) co[row + b]++;
    }
  }
  const outgoing = topSourcesByTarget(co, userCount, n, neighbours, shrink);
  const scores = new Float64Array(n);
  const touched = new Int32Array(n);
  return (user, k) => {
    let count = 0;
    for (const source of userLists.get(user.customerId) ?? []) {
      for (let e = outgoing.start[source]; e < outgoing.start[source + 1]; e++) {
        const target = outgoing.target[e];
        if (scores[target] === 0) touched[count++] = target;
        scores[target] += outgoing.sim[e];
      }
    }
    const best: number[] = [];
    for (let t = 0; t < count; t++) {
      const target = touched[t];
      if (!user.exclude.has(items[target])) insertRanked(best, target, scores, k);
    }
    for (let t = 0; t < count; t++) scores[touched[t]] = 0;
    return padTo(best.map((b) => items[b]), stats.popular, user.exclude, k);
  };
}

/** Keeps `best` as the top `k` by score (descending, ties to the lower index). */
function insertRanked(best: number[], target: number, scores: Float64Array, k: number): void {
  if (best.length === k && ranksBefore(best[k - 1], target, scores)) return;
  let at = best.length;
  while (at > 0 && !ranksBefore(best[at - 1], target, scores)) at--;
  best.splice(at, 0, target);
  if (best.length > k) best.pop();
}

function ranksBefore(a: number, b: number, scores: Float64Array): boolean {
  return scores[a] > scores[b] || (scores[a] === scores[b] && a < b);
}

function topSourcesByTarget(co: Float32Array, userCount: Float64Array, n: number, neighbours: number, shrink: number): OutgoingLists {
  const kept = new Uint8Array(n * n);
  const perSource = new Int32Array(n);
  const sims = new Float64Array(n);
  const scratch = new Float64Array(n);
  for (let target = 0; target < n; target++) {
    const row = target * n;
    let count = 0;
    for (let source = 0; source < n; source++) {
      const c = co[row + source];
      sims[source] = c > 0 ? c / (Math.sqrt(userCount[source] * userCount[target]) + shrink) : 0;
      if (c > 0) scratch[count++] = sims[source];
    }
    // Sources above the neighbours-th largest similarity are kept; at that similarity, the lowest indexes first.
    const threshold = count > neighbours ? kthLargest(scratch, count, neighbours) : 0;
    let room = Math.min(count, neighbours);
    for (let source = 0; source < n; source++) if (sims[source] > threshold) room--;
    for (let source = 0; source < n; source++) {
      const sim = sims[source];
      if (sim <= 0 || sim < threshold || (sim === threshold && room-- <= 0)) continue;
      kept[source * n + target] = 1;
      perSource[source]++;
    }
  }
  const start = new Int32Array(n + 1);
  for (let source = 0; source < n; source++) start[source + 1] = start[source] + perSource[source];
  const target = new Int32Array(start[n]);
  const sim = new Float64Array(start[n]);
  for (let source = 0, e = 0; source < n; source++) {
    const row = source * n;
    for (let t = 0; t < n; t++) {
      if (!kept[row + t]) continue;
      target[e] = t;
      sim[e++] = co[row + t] / (Math.sqrt(userCount[source] * userCount[t]) + shrink);
    }
  }
  return { start, target, sim };
}

/** The k-th largest of values[0..count) (k >= 1), by quickselect; reorders that prefix. */
function kthLargest(values: Float64Array, count: number, k: number): number {
  let lo = 0;
  let hi = count - 1;
  const want = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] > pivot) i++;
      while (values[j] < pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i++] = values[j];
        values[j--] = swap;
      }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else return values[want];
  }
  return values[want];
}

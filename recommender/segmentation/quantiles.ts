/**
 * Quintile scoring that reproduces pandas `qcut` bit for bit: numpy's default "linear" quantiles
 * (pandas passes the quantiles as percentages, numpy divides them back), then right-closed bins with the
 * lowest edge included (`searchsorted(side="left")`, values equal to the first edge go to bin 1).
 */

/** `np.linspace(0, 1, q + 1) * 100 / 100`, the exact doubles pandas and numpy end up using. */
export function quantileLevels(q: number): number[] {
  const levels: number[] = [];
  for (let i = 0; i <= q; i++) levels.push(i === q ? 1 : ((i * (1 / q)) * 100) / 100);
  return levels;
}

/** numpy's `_lerp`: switches formula at t >= 0.5 so that the result is exact at both ends. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Bin edges of `sortedValues` (ascending, non-empty) at `q` equal-count quantiles, numpy "linear" method. */
export function quantileEdges(sortedValues: ArrayLike<number>, q = 5): Float64Array {
  const n = sortedValues.length;
  if (n === 0) throw new Error('quantileEdges needs at least one value');
  const levels = quantileLevels(q);
  const edges = new Float64Array(levels.length);
  for (let i = 0; i < levels.length; i++) {
    const virtual = (n - 1) * levels[i];
    if (virtual >= n - 1) {
      edges[i] = sortedValues[n - 1];
      continue;
    }
    const previous = Math.floor(virtual);
    edges[i] = lerp(sortedValues[previous], sortedValues[previous + 1], virtual - previous);
  }
  return edges;
}

/**
 * The 1-based bin of `value` for right-closed bins with the lowest edge included: the first i with
 * value <= edges[i]. pandas refuses duplicate edges ("Bin edges must be unique"); we keep the same rule,
 * which puts a value equal to a repeated edge in the lowest bin that closes on it.
 */
export function binOf(value: number, edges: Float64Array): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(Math.max(lo, 1), edges.length - 1);
}

/** Bins every value: `out[i] = binOf(values[i])` for the values selected by `members` (all when omitted). */
export function qcutBins(values: Float64Array, members: Uint32Array, q = 5): Uint8Array {
  const bins = new Uint8Array(values.length);
  if (members.length === 0) return bins;
  const sorted = new Float64Array(members.length);
  for (let i = 0; i < members.length; i++) sorted[i] = values[members[i]];
  sorted.sort();
  const edges = quantileEdges(sorted, q);
  for (let i = 0; i < members.length; i++) bins[members[i]] = binOf(values[members[i]], edges);
  return bins;
}

/**
 * pandas `rank(method="first")`: 1..n by ascending value, ties in the frame's order. `orderedMembers`
 * lists the ranked customers in that order (ascending customer id). Counting sort: frequencies are small.
 */
export function rankFirst(values: Uint32Array, orderedMembers: Uint32Array): Float64Array {
  const ranks = new Float64Array(values.length);
  let maxValue = 0;
  for (const k of orderedMembers) if (values[k] > maxValue) maxValue = values[k];
  const next = new Float64Array(maxValue + 2);
  for (const k of orderedMembers) next[values[k] + 1]++;
  for (let v = 1; v < next.length; v++) next[v] += next[v - 1];
  for (const k of orderedMembers) ranks[k] = ++next[values[k]];
  return ranks;
}

/** Mean silhouette coefficient (Euclidean), the criterion used to choose k. O(n^2): call it on a sample. */
export function meanSilhouette(points: readonly number[][], labels: readonly number[], k: number): number {
  const n = points.length;
  if (n < 2) return 0;
  const sizes = new Array<number>(k).fill(0);
  for (const label of labels) sizes[label]++;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) if (j !== i) sums[labels[j]] += distance(points[i], points[j]);
    const own = labels[i];
    if (sizes[own] <= 1) continue; // a singleton scores 0
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    if (b === Infinity) continue;
    const denominator = Math.max(a, b);
    total += denominator > 0 ? (b - a) / denominator : 0;
  }
  return total / n;
}

export function distance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) {
    const diff = a[d] - b[d];
    sum += diff * diff;
  }
  return Math.sqrt(sum);
}


/** Up to `size` distinct items of `items`, chosen reproducibly (partial Fisher-Yates on a copy). */
export function sampleOf<T>(items: readonly T[], size: number, random: () => number): T[] {
  const copy = items.slice();
  const count = Math.min(size, copy.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count);
}

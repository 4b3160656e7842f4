/** The evaluation's own reference methods. Each returns a ranker: user -> top-k item ids. */
import type { EvalUser, Transaction } from './split';
import { byCountDesc, padTo, type TrainStats } from './trainStats';

export type Ranker = (user: EvalUser, k: number) => string[];

/** Deterministic PRNG (mulberry32) so the random baseline gives the same figures every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomRanker(items: readonly string[], seed = 42): Ranker {
  const next = mulberry32(seed);
  return (user, k) => {
    const chosen = new Set<string>();
    const pool = items.filter((i) => !user.exclude.has(i));
    while (chosen.size < Math.min(k, pool.length)) chosen.add(pool[Math.floor(next() * pool.length)]);
    return [...chosen];
  };
}

export function popularityRanker(stats: TrainStats): Ranker {
  return (user, k) => padTo([], stats.popular, user.exclude, k);
}

/** Popularity within the user's group (segment label or country), padded with global popularity. */
export function groupPopularityRanker(stats: TrainStats, groupOf: ReadonlyMap<string, string>): Ranker {
  const counts = new Map<string, Map<string, number>>();
  for (const [customerId, items] of stats.userItems) {
    const group = groupOf.get(customerId);
    if (group === undefined) continue;
    let groupCounts = counts.get(group);
    if (!groupCounts) counts.set(group, (groupCounts = new Map()));
    for (const item of items.keys()) groupCounts.set(item, (groupCounts.get(item) ?? 0) + 1);
  }
  const ranked = new Map([...counts].map(([group, c]) => [group, byCountDesc(c)]));
  return (user, k) => {
    const group = groupOf.get(user.customerId);
    const own = group === undefined ? [] : padTo([], ranked.get(group) ?? [], user.exclude, k);
    return padTo(own, stats.popular, user.exclude, k);
  };
}

/** The user's own past items by number of invoices (ties by popularity), padded with popularity. */
export function repeatRanker(stats: TrainStats): Ranker {
  const rankOf = new Map(stats.popular.map((item, r) => [item, r]));
  return (user, k) => {
    const own = stats.userItems.get(user.customerId) ?? new Map<string, number>();
    const items = [...own.keys()].filter((i) => !user.exclude.has(i));
    items.sort((a, b) => (own.get(b) ?? 0) - (own.get(a) ?? 0) || (rankOf.get(a) ?? 0) - (rankOf.get(b) ?? 0));
    return padTo(items.slice(0, k), stats.popular, user.exclude, k);
  };
}

/**
 * Item-kNN on the binary user-item matrix: cosine with shrinkage, `neighbours` strongest per item;
 * score(u, i) = sum of sim(j, i) over the user's items j. Padded with popularity.
 */
export function itemKnnRanker(train: readonly Transaction[], stats: TrainStats, neighbours = 200, shrink = 10): Ranker {
  const items = [...stats.customerCount.keys()].sort();
  const indexOf = new Map(items.map((item, i) => [item, i]));
  const n = items.length;
  const co = new Float32Array(n * n);
  const userCount = new Float64Array(n);
  const userLists = new Map<string, number[]>();
  for (const row of train) {
    let list = userLists.get(row.customerId);
    if (!list) userLists.set(row.customerId, (list = []));
    list.push(indexOf.get(row.stockCode) ?? -1);
  }
  for (const [customerId, list] of userLists) {
    const distinct = [...new Set(list)];
    userLists.set(customerId, distinct);
    for (const a of distinct) {
      userCount[a]++;
      for (const b of distinct) if (a !== b) co[a * n + b]++;
    }
  }
  const lists = items.map((_, a) => {
    const sims: { b: number; s: number }[] = [];
    for (let b = 0; b < n; b++) {
      const c = co[a * n + b];
      if (c > 0) sims.push({ b, s: c / (Math.sqrt(userCount[a] * userCount[b]) + shrink) });
    }
    sims.sort((x, y) => y.s - x.s || x.b - y.b);
    return sims.slice(0, neighbours);
  });
  return (user, k) => {
    const scores = new Map<number, number>();
    for (const a of userLists.get(user.customerId) ?? []) {
      for (const { b, s } of lists[a]) scores.set(b, (scores.get(b) ?? 0) + s);
    }
    const ranked = [...scores].filter(([b]) => !user.exclude.has(items[b])).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    return padTo(ranked.slice(0, k).map(([b]) => items[b]), stats.popular, user.exclude, k);
  };
}

/** The evaluation's own reference methods. Each returns a ranker: user -> top-k item ids. */
import type { EvalUser } from './split';
import { byCountDesc, padTo, type TrainStats } from './trainStats';
import { seededRandom } from '../../domain/random';
import { EaseModel } from '../ranking/ease';

export type Ranker = (user: EvalUser, k: number) => string[];


export function randomRanker(items: readonly string[], seed = 42): Ranker {
  const next = seededRandom(seed);
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
 * EASE (Steck 2019) over the whole binary user-item matrix, as the reference row of EVALUATION.md: score(u, i) =
 * sum of B[j][i] over the user's items j (own items included, as the reference does), padded with popularity.
 */
export function easeRanker(stats: TrainStats, lambda = 250): Ranker {
  const items = [...stats.customerCount.keys()].sort();
  const indexOf = new Map(items.map((item, i) => [item, i]));
  const baskets = new Map<string, number[]>();
  for (const [customerId, bought] of stats.userItems) baskets.set(customerId, [...bought.keys()].map((item) => indexOf.get(item) ?? -1));
  const model = EaseModel.fit(baskets.values(), items.length, { lambda, maxItems: items.length });
  return (user, k) => {
    const sources = (baskets.get(user.customerId) ?? []).map((item) => ({ item, weight: 1 }));
    const found = model.recommend(sources, k, (item) => !user.exclude.has(items[item]), true);
    return padTo(found.map((c) => items[c.item]), stats.popular, user.exclude, k);
  };
}

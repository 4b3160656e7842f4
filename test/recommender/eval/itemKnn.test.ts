/**
 * The typed-array item-kNN (threshold selection of each target's top sources, symmetric co-occurrence rows) against
 * the textbook construction it replaced: every pair scanned, each target's sources sorted, scores summed in a Map and
 * every candidate sorted. Random small shops with few items make ties at the neighbour cut common.
 */
import fc from 'fast-check';
import { itemKnnRanker } from '../../../recommender/eval/itemKnn';
import type { Ranker } from '../../../recommender/eval/baselines';
import { splitByTime, variantUsers, VARIANTS, type Transaction } from '../../../recommender/eval/split';
import { padTo, trainStats, type TrainStats } from '../../../recommender/eval/trainStats';
import { tx } from './fixture';

function textbookItemKnn(stats: TrainStats, neighbours: number, shrink: number): Ranker {
  const items = [...stats.customerCount.keys()].sort();
  const n = items.length;
  const co = items.map(() => new Array<number>(n).fill(0));
  const userCount = new Array<number>(n).fill(0);
  const userLists = new Map<string, number[]>();
  for (const [customerId, bought] of stats.userItems) {
    const distinct = [...bought.keys()].map((item) => items.indexOf(item));
    userLists.set(customerId, distinct);
    for (const a of distinct) {
      userCount[a]++;
      for (const b of distinct) if (a !== b) co[a][b]++;
    }
  }
  const outgoing: { target: number; sim: number }[][] = items.map(() => []);
  for (let target = 0; target < n; target++) {
    const sources: { source: number; sim: number }[] = [];
    for (let source = 0; source < n; source++) {
      const c = co[source][target];
      if (c > 0) sources.push({ source, sim: c / (Math.sqrt(userCount[source] * userCount[target]) + shrink) });
    }
    sources.sort((x, y) => y.sim - x.sim || x.source - y.source);
    for (const { source, sim } of sources.slice(0, neighbours)) outgoing[source].push({ target, sim });
  }
  return (user, k) => {
    const scores = new Map<number, number>();
    for (const source of userLists.get(user.customerId) ?? []) {
      for (const { target, sim } of outgoing[source]) scores.set(target, (scores.get(target) ?? 0) + sim);
    }
    const ranked = [...scores].filter(([b]) => !user.exclude.has(items[b])).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    return padTo(ranked.slice(0, k).map(([b]) => items[b]), stats.popular, user.exclude, k);
  };
}

const purchase = fc.record({
  customer: fc.integer({ min: 0, max: 7 }),
  item: fc.integer({ min: 0, max: 9 }),
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.constantFrom('07', '09'),
});

describe('item-kNN', () => {
  it('ranks exactly as the textbook construction, ties at the neighbour cut included', () => {
    fc.assert(fc.property(fc.array(purchase, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (purchases, neighbours) => {
      const rows: Transaction[] = purchases.map((p, i) => tx(`${p.customer}-${p.month}-${p.day}-${i % 3}`, `u${p.customer}`, `2011-${p.month}-${String(p.day).padStart(2, '0')}`, `I${p.item}`));
      const split = splitByTime(rows, Date.parse('2011-08-01T00:00:00Z'));
      const stats = trainStats(split.train);
      const fast = itemKnnRanker(stats, neighbours, 1);
      const textbook = textbookItemKnn(stats, neighbours, 1);
      for (const variant of VARIANTS) {
        for (const user of variantUsers(split, variant)) expect(fast(user, 5)).toEqual(textbook(user, 5));
      }
    }), { numRuns: 300 });
  });
});

/** Top-k metrics of protocol OR-T: HR, precision, recall, NDCG (binary gain) at 5 and 10, and coverage@10. */
export interface MethodMetrics {
  hr10: number; p10: number; r10: number; ndcg10: number;
  hr5: number; p5: number; r5: number; ndcg5: number;
  coverage10: number;
}

export interface AtK {
  hit: number;
  precision: number;
  recall: number;
  ndcg: number;
}

/** Metrics of one ranked list against one user's relevant items; relevant items absent from train still count. */
export function metricsAtK(ranking: readonly string[], relevant: ReadonlySet<string>, k: number): AtK {
  if (relevant.size === 0) throw new Error('a user with no relevant items cannot be scored');
  let hits = 0;
  let dcg = 0;
  const top = ranking.slice(0, k);
  top.forEach((item, position) => {
    if (relevant.has(item)) {
      hits++;
      dcg += 1 / Math.log2(position + 2);
    }
  });
  let idcg = 0;
  for (let position = 0; position < Math.min(relevant.size, k); position++) idcg += 1 / Math.log2(position + 2);
  return { hit: hits > 0 ? 1 : 0, precision: hits / k, recall: hits / relevant.size, ndcg: dcg / idcg };
}

/** Averages over users; coverage = distinct items in the top 10s / catalogue size (items in train). */
export function aggregateMetrics(rankings: readonly (readonly string[])[], relevant: readonly ReadonlySet<string>[], catalogSize: number): MethodMetrics {
  if (rankings.length !== relevant.length) throw new Error('one ranking per user is required');
  const sum = { hr10: 0, p10: 0, r10: 0, ndcg10: 0, hr5: 0, p5: 0, r5: 0, ndcg5: 0 };
  const recommended = new Set<string>();
  rankings.forEach((ranking, u) => {
    if (new Set(ranking).size !== ranking.length) throw new Error('a ranking lists an item twice');
    const at10 = metricsAtK(ranking, relevant[u], 10);
    const at5 = metricsAtK(ranking, relevant[u], 5);
    sum.hr10 += at10.hit; sum.p10 += at10.precision; sum.r10 += at10.recall; sum.ndcg10 += at10.ndcg;
    sum.hr5 += at5.hit; sum.p5 += at5.precision; sum.r5 += at5.recall; sum.ndcg5 += at5.ndcg;
    for (const item of ranking.slice(0, 10)) recommended.add(item);
  });
  const n = Math.max(1, rankings.length);
  return {
    hr10: sum.hr10 / n, p10: sum.p10 / n, r10: sum.r10 / n, ndcg10: sum.ndcg10 / n,
    hr5: sum.hr5 / n, p5: sum.p5 / n, r5: sum.r5 / n, ndcg5: sum.ndcg5 / n,
    coverage10: catalogSize > 0 ? recommended.size / catalogSize : 0,
  };
}

/** Runs protocol OR-T for the recommender and every baseline, both variants, and shapes the JSON report. */
import { easeRanker, groupPopularityRanker, popularityRanker, randomRanker, repeatRanker, type Ranker } from './baselines';
import { itemKnnRanker } from './itemKnn';
import type { LearntBlend } from '../ranking/blendFit';
import { aggregateMetrics, type MethodMetrics } from './metrics';
import { recommenderRanker, type RecommenderSetup } from './recommenderMethod';
import { rfmLabels } from './rfm';
import { splitByTime, variantUsers, VARIANTS, type Transaction, type Variant } from './split';
import { TIFU_REFERENCE, tifuKnnRanker } from './tifuKnn';
import { trainStats } from './trainStats';

export interface EvalReport {
  cutoff: string;
  trainItems: number;
  variants: Record<Variant, { users: number; methods: Record<string, MethodMetrics> }>;
  /** What the recommender's index learnt from the train period's last weeks (null: defaults; absent: not run). */
  learnt?: LearntBlend | null;
}

export interface EvalOptions {
  /** Subset of methods to run (default: all). */
  methods?: readonly string[];
  /** Overrides for the recommender (used only by the validation-cut tuning). */
  recommender?: Partial<Pick<RecommenderSetup, 'indexOptions' | 'scoring'>>;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
}

export const METHOD_NAMES = ['recommender', 'random', 'popularity', 'segment_popularity', 'country_popularity', 'item_knn', 'ease', 'repeat', 'tifu_knn'] as const;
const NOT_FOR_NEW = new Set(['repeat']);
/** Methods built once per variant (EASE and TIFU-KNN take the reference's settings per variant); the others are built once. */
const PER_VARIANT = new Set(['ease', 'tifu_knn']);
const K = 10;
/** λ of the EASE reference row in shared/docs/EVALUATION.md ("lambda 250 / 500": all / new; both reproduce it). */
const EASE_LAMBDA: Record<Variant, number> = { all: 250, new: 500 };

export function runEvaluation(rows: readonly Transaction[], cutoff: number, options: EvalOptions = {}): EvalReport {
  const log = options.log ?? (() => undefined);
  const split = splitByTime(rows, cutoff);
  const stats = trainStats(split.train);
  const segments = rfmLabels(split.train, cutoff);
  const wanted = new Set(options.methods ?? METHOD_NAMES);
  let learnt: LearntBlend | null | undefined;
  const builders: Record<string, (variant: Variant) => Ranker> = {
    recommender: () => recommenderRanker(split.train, {
      segments, countries: stats.userCountry, ...options.recommender, onIndex: (index) => { learnt = index.learntBlend; },
    }),
    random: () => randomRanker(split.trainItems),
    popularity: () => popularityRanker(stats),
    segment_popularity: () => groupPopularityRanker(stats, segments),
    country_popularity: () => groupPopularityRanker(stats, stats.userCountry),
    item_knn: () => itemKnnRanker(stats),
    ease: (variant) => easeRanker(stats, EASE_LAMBDA[variant]),
    repeat: () => repeatRanker(stats),
    tifu_knn: (variant) => tifuKnnRanker(split.train, stats, TIFU_REFERENCE[variant]),
  };
  const variants = {} as EvalReport['variants'];
  for (const variant of VARIANTS) variants[variant] = { users: variantUsers(split, variant).length, methods: {} };
  for (const name of METHOD_NAMES) {
    if (!wanted.has(name)) continue;
    const started = Date.now();
    let ranker: Ranker | undefined;
    for (const variant of VARIANTS) {
      if (variant === 'new' && NOT_FOR_NEW.has(name)) continue;
      if (!ranker || PER_VARIANT.has(name)) ranker = builders[name](variant);
      const rank = ranker;
      const users = variantUsers(split, variant);
      const rankings = users.map((user) => rank(user, K));
      variants[variant].methods[name] = aggregateMetrics(rankings, users.map((u) => u.relevant), split.trainItems.length);
    }
    log('method evaluated', { method: name, ms: Date.now() - started });
  }
  return { cutoff: new Date(cutoff).toISOString().slice(0, 10), trainItems: split.trainItems.length, variants, learnt };
}

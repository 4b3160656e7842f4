/**
 * k-means segmentation on standardised behaviour: log recency, log frequency, log spend, log average basket
 * and the share of spend in each category. k is chosen in a range by mean silhouette. Fitting runs on a
 * reproducible sample (k-means and silhouette are the costly parts); every customer is then assigned to the
 * nearest centroid, which is also how an incremental update places a customer without refitting.
 */
import { loadKmeans } from './kmeansLoader';
import { CATEGORY_IDS, categoryLabel } from '../../domain/categories';
import { CATEGORY_COUNT, type CustomerAggregates } from './aggregates';
import { categoryShare } from './facts';
import type { RfmScores } from './rfm';
import { seededRandom } from '../../domain/random';
import { distance, meanSilhouette, sampleOf } from './silhouette';
import { Fingerprint, keptOrFitted, packModel, unpackModel, type Codec, type ModelCache } from '../../domain/modelCache';

export const FEATURE_NAMES = ['log_recency', 'log_frequency', 'log_monetary', 'log_basket', ...CATEGORY_IDS.map((c) => `share_${c}`)];

export interface ClusterOptions {
  kMin: number;
  kMax: number;
  seed: number;
  /** Customers k-means is fitted on. */
  fitSample: number;
  /** Customers the silhouette is measured on (quadratic cost). */
  silhouetteSample: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { kMin: 3, kMax: 8, seed: 42, fitSample: 10000, silhouetteSample: 1000 };

export interface ClusterSummary {
  id: number;
  size: number;
  description: string;
  /** Centroid in original units: recency days, orders, spend, basket, then category shares. */
  centroid: Record<string, number>;
}

/** A fitted model: plain data, so it can be stored and reused by incremental updates. */
export interface ClusterModel {
  k: number;
  silhouette: number;
  silhouetteByK: Record<string, number>;
  means: number[];
  stds: number[];
  centroids: number[][];
  descriptions: string[];
}

export function featuresOf(aggregates: CustomerAggregates, scores: RfmScores, slot: number): number[] {
  const orders = aggregates.invoices[slot];
  const spend = Math.max(aggregates.monetary[slot], 0);
  const features = [Math.log1p(Math.max(scores.recencyDays[slot], 0)), Math.log1p(orders), Math.log1p(spend), Math.log1p(orders > 0 ? spend / orders : 0)];
  for (let c = 0; c < CATEGORY_COUNT; c++) features.push(categoryShare(aggregates, slot, c));
  return features;
}

const standardise = (x: number[], model: Pick<ClusterModel, 'means' | 'stds'>): number[] => x.map((v, d) => (v - model.means[d]) / model.stds[d]);

function describe(centroid: number[]): string {
  const level = (z: number, low: string, high: string): string | undefined => (z <= -0.5 ? low : z >= 0.5 ? high : undefined);
  const parts = [
    level(centroid[0], 'recent', 'lapsed'),
    level(centroid[1], 'occasional', 'frequent'),
    level(centroid[2], 'low-spending', 'high-spending'),
  ].filter((p): p is string => p !== undefined);
  const basket = level(centroid[3], 'small baskets', 'large baskets');
  let top = -1;
  for (let c = 0; c < CATEGORY_COUNT; c++) if (centroid[4 + c] >= 0.75 && (top < 0 || centroid[4 + c] > centroid[4 + top])) top = c;
  const extras = [basket, top >= 0 ? `strong in ${categoryLabel(CATEGORY_IDS[top]).toLowerCase()}` : undefined].filter((p) => p !== undefined);
  const head = parts.length > 0 ? `${parts.join(', ')} buyers` : 'average buyers';
  return extras.length > 0 ? `${head}; ${extras.join('; ')}` : head;
}

/**
 * Fits the model on customers with purchases; null when there are too few to cluster. With a `cache`, a model fitted
 * before on exactly this sample of features (and these options) is restored instead (k-means and the silhouettes are
 * the costly part). A change to what this computes must bump FIT_VERSIONS.clusters in domain/modelCache.ts.
 */
export function fitClusters(
  aggregates: CustomerAggregates, scores: RfmScores, options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS, cache?: ModelCache,
): ClusterModel | null {
  const members: number[] = [];
  for (let slot = 0; slot < aggregates.size; slot++) if (aggregates.hasHistory(slot)) members.push(slot);
  if (members.length < Math.max(10, options.kMin * 3)) return null;
  const random = seededRandom(options.seed);
  const raw = sampleOf(members, options.fitSample, random).map((slot) => featuresOf(aggregates, scores, slot));
  const key = () => {
    const print = new Fingerprint('clusters').json(options);
    for (const x of raw) print.floats(Float64Array.from(x));
    return print.key();
  };
  return keptOrFitted(cache, key, CLUSTER_CODEC, () => fitSample(raw, random, options));
}

function fitSample(raw: number[][], random: () => number, options: ClusterOptions): ClusterModel | null {
  const dims = FEATURE_NAMES.length;
  const means = Array.from({ length: dims }, (_, d) => raw.reduce((s, x) => s + x[d], 0) / raw.length);
  const stds = means.map((mean, d) => Math.sqrt(raw.reduce((s, x) => s + (x[d] - mean) ** 2, 0) / raw.length) || 1);
  const points = raw.map((x) => standardise(x, { means, stds }));
  const probe = sampleOf(points.map((_, i) => i), options.silhouetteSample, random);
  const kmeans = loadKmeans();
  const silhouetteByK: Record<string, number> = {};
  let best: { k: number; silhouette: number; centroids: number[][] } | null = null;
  for (let k = options.kMin; k <= Math.min(options.kMax, points.length - 1); k++) {
    const result = kmeans(points, k, { seed: options.seed, initialization: 'kmeans++', maxIterations: 100 });
    const silhouette = meanSilhouette(probe.map((i) => points[i]), probe.map((i) => result.clusters[i]), k);
    silhouetteByK[k] = Math.round(silhouette * 1e4) / 1e4;
    if (best === null || silhouette > best.silhouette) best = { k, silhouette, centroids: result.centroids };
  }
  if (best === null) return null;
  return { ...best, silhouetteByK, means, stds, descriptions: best.centroids.map(describe) };
}

const numbers = (value: unknown, length?: number): boolean =>
  Array.isArray(value) && (length === undefined || value.length === length) && value.every((v) => typeof v === 'number');

const CLUSTER_CODEC: Codec<ClusterModel | null> = {
  encode: (model) => packModel({ meta: { model }, arrays: {} }),
  decode: (bytes) => {
    const model = (unpackModel(bytes).meta as { model?: unknown } | null)?.model;
    if (model === null) return null;
    const m = model as Partial<Record<keyof ClusterModel, unknown>> | undefined;
    const dims = FEATURE_NAMES.length;
    const wellFormed = m && typeof m.k === 'number' && typeof m.silhouette === 'number' && numbers(m.means, dims) && numbers(m.stds, dims)
      && Array.isArray(m.centroids) && m.centroids.length === m.k && m.centroids.every((c) => numbers(c, dims))
      && Array.isArray(m.descriptions) && m.descriptions.every((d) => typeof d === 'string')
      && typeof m.silhouetteByK === 'object' && m.silhouetteByK !== null && Object.values(m.silhouetteByK).every((v) => typeof v === 'number');
    if (!wellFormed) throw new Error('not a cluster model');
    return model as ClusterModel;
  },
};

/** The nearest centroid of one customer (-1 without purchases). */
export function clusterOf(model: ClusterModel, aggregates: CustomerAggregates, scores: RfmScores, slot: number): number {
  if (!aggregates.hasHistory(slot)) return -1;
  const point = standardise(featuresOf(aggregates, scores, slot), model);
  let best = 0;
  let bestDistance = Infinity;
  model.centroids.forEach((centroid, c) => {
    const d = distance(point, centroid);
    if (d < bestDistance) { bestDistance = d; best = c; }
  });
  return best;
}

export function summariseClusters(model: ClusterModel, assigned: Int16Array): ClusterSummary[] {
  const sizes = new Array<number>(model.k).fill(0);
  for (const c of assigned) if (c >= 0) sizes[c]++;
  return model.centroids.map((centroid, id) => {
    const original = centroid.map((z, d) => z * model.stds[d] + model.means[d]);
    const named: Record<string, number> = {};
    FEATURE_NAMES.forEach((name, d) => {
      const value = d < 4 ? Math.expm1(original[d]) : original[d];
      named[name.replace(/^log_/, '')] = Math.round(value * 1000) / 1000;
    });
    return { id, size: sizes[id], description: model.descriptions[id], centroid: named };
  });
}

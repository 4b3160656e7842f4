/**
 * Multinomial logistic regression over sparse TF-IDF features, trained with deterministic SGD
 * (seeded shuffle), so the same corpus always yields the same model.
 */
import type { FeatureCounts } from './features';
import { seededRandom } from '../../domain/random';
import { Fingerprint, keptOrFitted, packModel, unpackModel, type Codec, type ModelCache } from '../../domain/modelCache';

export interface TrainingExample<Label extends string> {
  features: FeatureCounts;
  label: Label;
}

export interface SoftmaxOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

const DEFAULTS: SoftmaxOptions = { epochs: 20, learningRate: 2, l2: 1e-5, seed: 7 };

interface SparseVector {
  indices: number[];
  values: number[];
}

/** What training produces: enough to restore a classifier without training again. */
interface TrainedSoftmax {
  features: string[];
  idf: Float64Array;
  weights: Float64Array;
  bias: Float64Array;
}

/**
 * Where trained models are kept (domain/modelCache.ts), by a fingerprint of everything training reads (labels, options,
 * examples): set once by the composition root (bot/app.ts) and by the test run's setup (test/support/setupTrainedModels.ts).
 * Unset: every start trains.
 */
let trainedModels: ModelCache | undefined;

export function keepTrainedModelsIn(cache: ModelCache | undefined): void {
  trainedModels = cache;
}

function trainedCodec(classes: number): Codec<TrainedSoftmax> {
  return {
    encode: ({ features, idf, weights, bias }) => packModel({ meta: { features }, arrays: { idf, weights, bias } }),
    decode: (bytes) => {
      const { meta, arrays: { idf, weights, bias } } = unpackModel(bytes);
      const features = (meta as { features?: unknown } | null)?.features;
      if (!Array.isArray(features) || !features.every((f) => typeof f === 'string')) throw new Error('no feature list');
      if (!(idf instanceof Float64Array && weights instanceof Float64Array && bias instanceof Float64Array)) throw new Error('not a softmax model');
      if (idf.length !== features.length || weights.length !== features.length * classes || bias.length !== classes) throw new Error('sizes do not match the labels');
      return { features, idf, weights, bias };
    },
  };
}

export class SoftmaxClassifier<Label extends string> {
  private readonly featureIndex = new Map<string, number>();
  private idf: Float64Array = new Float64Array(0);
  private weights: Float64Array = new Float64Array(0);
  private bias: Float64Array;

  constructor(readonly labels: readonly Label[]) {
    this.bias = new Float64Array(labels.length);
  }

  // A change to what training computes must bump FIT_VERSIONS.intent in domain/modelCache.ts.
  train(examples: readonly TrainingExample<Label>[], options: Partial<SoftmaxOptions> = {}): void {
    const settings = { ...DEFAULTS, ...options };
    const key = () => new Fingerprint('intent').json([this.labels, settings, examples.map(({ features, label }) => [label, [...features]])]).key();
    const trained = keptOrFitted(trainedModels, key, trainedCodec(this.labels.length), () => {
      this.trainFresh(examples, settings);
      return { features: [...this.featureIndex.keys()], idf: this.idf, weights: this.weights, bias: this.bias };
    });
    this.featureIndex.clear();
    trained.features.forEach((feature, index) => this.featureIndex.set(feature, index));
    this.idf = trained.idf;
    this.weights = trained.weights;
    this.bias = trained.bias;
  }

  private trainFresh(examples: readonly TrainingExample<Label>[], { epochs, learningRate, l2, seed }: SoftmaxOptions): void {
    const documentFrequency: number[] = [];
    for (const { features } of examples) {
      for (const key of features.keys()) {
        let index = this.featureIndex.get(key);
        if (index === undefined) {
          index = this.featureIndex.size;
          this.featureIndex.set(key, index);
          documentFrequency.push(0);
        }
        documentFrequency[index]++;
      }
    }
    this.idf = Float64Array.from(documentFrequency, (df) => Math.log((1 + examples.length) / (1 + df)) + 1);
    const classes = this.labels.length;
    this.weights = new Float64Array(this.featureIndex.size * classes);
    this.bias = new Float64Array(classes);
    const data = examples.map((e) => ({ x: this.vectorize(e.features), y: this.labels.indexOf(e.label) }));
    const random = seededRandom(seed);
    const order = data.map((_, i) => i);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const rate = learningRate / (1 + epoch * 0.1);
      for (const k of order) this.step(data[k].x, data[k].y, rate, l2);
    }
  }

  /** Probability per label, in label order. */
  predict(features: FeatureCounts): number[] {
    return Array.from(this.probabilities(this.vectorize(features)));
  }

  private step(x: SparseVector, target: number, rate: number, l2: number): void {
    const gradient = this.probabilities(x);
    gradient[target] -= 1;
    const classes = this.labels.length;
    for (let c = 0; c < classes; c++) this.bias[c] -= rate * gradient[c];
    for (let n = 0; n < x.indices.length; n++) {
      const base = x.indices[n] * classes;
      const value = x.values[n];
      for (let c = 0; c < classes; c++) {
        const w = base + c;
        this.weights[w] -= rate * (gradient[c] * value + l2 * this.weights[w]);
      }
    }
  }

  private probabilities(x: SparseVector): Float64Array {
    const classes = this.labels.length;
    const scores = Float64Array.from(this.bias);
    for (let n = 0; n < x.indices.length; n++) {
      const base = x.indices[n] * classes;
      const value = x.values[n];
      for (let c = 0; c < classes; c++) scores[c] += this.weights[base + c] * value;
    }
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, scores[c]);
    let total = 0;
    for (let c = 0; c < classes; c++) {
      scores[c] = Math.exp(scores[c] - max);
      total += scores[c];
    }
    for (let c = 0; c < classes; c++) scores[c] /= total;
    return scores;
  }

  /** TF-IDF with sublinear (log1p) term frequency, L2-normalised; unseen features are dropped. */
  private vectorize(features: FeatureCounts): SparseVector {
    const indices: number[] = [];
    const values: number[] = [];
    for (const [key, count] of features) {
      const index = this.featureIndex.get(key);
      if (index === undefined || count <= 0) continue;
      indices.push(index);
      values.push(Math.log1p(count) * this.idf[index]);
    }
    const norm = Math.hypot(...values) || 1;
    return { indices, values: values.map((v) => v / norm) };
  }
}

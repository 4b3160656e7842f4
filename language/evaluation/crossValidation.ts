/**
 * Stratified k-fold cross-validation on the training corpus: the honest place to pick model settings
 * (features, temperature, thresholds) without looking at either held-out set.
 */
import { seededRandom } from '../../domain/random';
import type { LabelledUtterance } from '../local/corpus';
import type { Intent } from '../types';

/** Splits into k folds, each intent spread evenly over them (seeded, so runs repeat exactly). */
export function stratifiedFolds(corpus: readonly LabelledUtterance[], k: number, seed = 11): LabelledUtterance[][] {
  const folds: LabelledUtterance[][] = Array.from({ length: k }, () => []);
  const random = seededRandom(seed);
  const byIntent = new Map<Intent, LabelledUtterance[]>();
  for (const line of corpus) byIntent.set(line.intent, [...(byIntent.get(line.intent) ?? []), line]);
  let next = 0;
  for (const lines of byIntent.values()) {
    const shuffled = [...lines];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    for (const line of shuffled) folds[next++ % k].push(line);
  }
  return folds;
}

export interface OutOfFoldPrediction {
  line: LabelledUtterance;
  /** Probability per intent from a model that never saw this line. */
  probabilities: ReadonlyMap<Intent, number>;
}

/** Trains on k-1 folds and predicts the held fold, k times. */
export function outOfFoldPredictions(
  corpus: readonly LabelledUtterance[],
  k: number,
  train: (lines: readonly LabelledUtterance[]) => (text: string) => ReadonlyMap<Intent, number>,
): OutOfFoldPrediction[] {
  const folds = stratifiedFolds(corpus, k);
  return folds.flatMap((held, index) => {
    const predict = train(folds.filter((_, other) => other !== index).flat());
    return held.map((line) => ({ line, probabilities: predict(line.text) }));
  });
}

/** Intent accuracy, per-intent precision/recall/F1, macro F1, confusions and entity agreement. */
import { isDeepStrictEqual } from 'node:util';
import type { Entities, Intent } from '../types';

export interface LabelledPrediction {
  text: string;
  expected: Intent;
  predicted: Intent;
  expectedEntities?: Partial<Entities>;
  predictedEntities: Entities;
}

export interface IntentMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Confusion {
  expected: Intent;
  predicted: Intent;
  count: number;
  examples: string[];
}

export interface EntityAgreement {
  correct: number;
  total: number;
}

export interface EvaluationReport {
  size: number;
  /** Confusions that would do the opposite of what was asked (opt-out ↔ opt-in, erase ↔ export). */
  oppositeDirection: number;
  accuracy: number;
  macroF1: number;
  perIntent: Record<string, IntentMetrics>;
  confusions: Confusion[];
  entities: Record<string, EntityAgreement>;
}

const MAX_EXAMPLES_PER_CONFUSION = 3;

const OPPOSITES: readonly (readonly [Intent, Intent])[] = [
  ['opt_out_marketing', 'opt_in'],
  ['opt_out_personalization', 'opt_in'],
  ['delete_my_data', 'export_my_data'],
];

/** True when predicting `predicted` for `expected` would do the opposite of what the shopper asked. */
export function isOppositeDirection(expected: Intent, predicted: Intent): boolean {
  return OPPOSITES.some(([a, b]) => (expected === a && predicted === b) || (expected === b && predicted === a));
}

const ratio = (numerator: number, denominator: number): number => (denominator === 0 ? 0 : numerator / denominator);

/** Categories and keywords compare as sets; everything else must be equal. */
function sameEntity(expected: unknown, predicted: unknown): boolean {
  if (Array.isArray(expected) && Array.isArray(predicted)) {
    return isDeepStrictEqual([...expected].sort(), [...predicted].sort());
  }
  return isDeepStrictEqual(expected, predicted);
}

export function evaluate(predictions: readonly LabelledPrediction[]): EvaluationReport {
  const intents = [...new Set(predictions.flatMap((p) => [p.expected, p.predicted]))].sort();
  const perIntent: Record<string, IntentMetrics> = {};
  for (const intent of intents) {
    const truePositives = predictions.filter((p) => p.expected === intent && p.predicted === intent).length;
    const predicted = predictions.filter((p) => p.predicted === intent).length;
    const support = predictions.filter((p) => p.expected === intent).length;
    const precision = ratio(truePositives, predicted);
    const recall = ratio(truePositives, support);
    perIntent[intent] = { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  }
  const supported = Object.values(perIntent).filter((m) => m.support > 0);
  const correct = predictions.filter((p) => p.expected === p.predicted).length;

  const byPair = new Map<string, Confusion>();
  for (const p of predictions) {
    if (p.expected === p.predicted) continue;
    const key = `${p.expected}>${p.predicted}`;
    const confusion = byPair.get(key) ?? { expected: p.expected, predicted: p.predicted, count: 0, examples: [] };
    confusion.count++;
    if (confusion.examples.length < MAX_EXAMPLES_PER_CONFUSION) confusion.examples.push(p.text);
    byPair.set(key, confusion);
  }

  const entities: Record<string, EntityAgreement> = {};
  for (const p of predictions) {
    const predictedByKey: Record<string, unknown> = p.predictedEntities;
    for (const [key, expected] of Object.entries(p.expectedEntities ?? {})) {
      const agreement = (entities[key] ??= { correct: 0, total: 0 });
      agreement.total++;
      if (sameEntity(expected, predictedByKey[key])) agreement.correct++;
    }
  }

  return {
    size: predictions.length,
    oppositeDirection: predictions.filter((p) => isOppositeDirection(p.expected, p.predicted)).length,
    accuracy: ratio(correct, predictions.length),
    macroF1: ratio(supported.reduce((sum, m) => sum + m.f1, 0), supported.length),
    perIntent,
    confusions: [...byPair.values()].sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)),
    entities,
  };
}

/** Fits the softmax temperature on out-of-fold predictions of the training corpus (never a held-out set). */
import type { Intent } from '../types';
import { expectedCalibrationError, negativeLogLikelihood, withTemperature } from './calibration';
import type { OutOfFoldPrediction } from './crossValidation';

export interface TemperatureFit {
  temperature: number;
  accuracy: number;
  /** ECE before (T = 1) and after scaling. */
  eceBefore: number;
  eceAfter: number;
}

const CANDIDATES = Array.from({ length: 31 }, (_, i) => 0.5 + i * 0.1);

function scored(predictions: readonly OutOfFoldPrediction[], temperature: number) {
  return predictions.map(({ line, probabilities }) => {
    const intents = [...probabilities.keys()];
    const tempered = withTemperature(intents.map((i) => probabilities.get(i) ?? 0), temperature);
    let best = 0;
    tempered.forEach((p, i) => {
      if (p > tempered[best]) best = i;
    });
    const truth = intents.indexOf(line.intent as Intent);
    return { confidence: tempered[best], correct: intents[best] === line.intent, trueProbability: truth >= 0 ? tempered[truth] : 0 };
  });
}

export function fitTemperature(predictions: readonly OutOfFoldPrediction[]): TemperatureFit {
  let temperature = 1;
  let bestLoss = Infinity;
  for (const candidate of CANDIDATES) {
    const loss = negativeLogLikelihood(scored(predictions, candidate).map((s) => s.trueProbability));
    if (loss < bestLoss - 1e-9) {
      bestLoss = loss;
      temperature = candidate;
    }
  }
  const before = scored(predictions, 1);
  return {
    temperature: Math.round(temperature * 10) / 10,
    accuracy: before.filter((s) => s.correct).length / Math.max(1, before.length),
    eceBefore: expectedCalibrationError(before),
    eceAfter: expectedCalibrationError(scored(predictions, temperature)),
  };
}

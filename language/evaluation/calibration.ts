/**
 * Confidence calibration: temperature scaling of the classifier's probabilities, and the expected
 * calibration error (ECE) that says how far "0.8 sure" is from being right 80 % of the time.
 */
export interface ScoredPrediction {
  /** Probability the model gave its chosen label. */
  confidence: number;
  correct: boolean;
}

/** Probabilities sharpened (T < 1) or flattened (T > 1): softmax(z / T) computed from softmax(z). */
export function withTemperature(probabilities: readonly number[], temperature: number): number[] {
  const powered = probabilities.map((p) => Math.pow(Math.max(p, 1e-12), 1 / temperature));
  const total = powered.reduce((sum, p) => sum + p, 0);
  return powered.map((p) => p / total);
}

const BINS = 10;

/** Expected calibration error over ten equal-width confidence bins. */
export function expectedCalibrationError(predictions: readonly ScoredPrediction[]): number {
  if (predictions.length === 0) return 0;
  let error = 0;
  for (let bin = 0; bin < BINS; bin++) {
    const inBin = predictions.filter((p) => Math.min(BINS - 1, Math.floor(p.confidence * BINS)) === bin);
    if (inBin.length === 0) continue;
    const accuracy = inBin.filter((p) => p.correct).length / inBin.length;
    const confidence = inBin.reduce((sum, p) => sum + p.confidence, 0) / inBin.length;
    error += (inBin.length / predictions.length) * Math.abs(accuracy - confidence);
  }
  return error;
}

/** Mean negative log-likelihood of the true labels: what temperature fitting minimises. */
export function negativeLogLikelihood(trueLabelProbabilities: readonly number[]): number {
  if (trueLabelProbabilities.length === 0) return 0;
  return -trueLabelProbabilities.reduce((sum, p) => sum + Math.log(Math.max(p, 1e-12)), 0) / trueLabelProbabilities.length;
}

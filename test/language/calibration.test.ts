import { expectedCalibrationError, negativeLogLikelihood, withTemperature } from '../../language/evaluation/calibration';
import { outOfFoldPredictions, stratifiedFolds } from '../../language/evaluation/crossValidation';
import { fitTemperature } from '../../language/evaluation/fitTemperature';
import type { LabelledUtterance } from '../../language/local/corpus';
import type { Intent } from '../../language/types';

describe('temperature scaling', () => {
  it('T = 1 changes nothing; T > 1 flattens; the result stays a distribution', () => {
    const p = [0.7, 0.2, 0.1];
    withTemperature(p, 1).forEach((q, i) => expect(q).toBeCloseTo(p[i]));
    const flatter = withTemperature(p, 2);
    expect(flatter[0]).toBeLessThan(0.7);
    expect(flatter[2]).toBeGreaterThan(0.1);
    expect(flatter.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });
});

describe('expected calibration error', () => {
  it('is the gap between confidence and accuracy, weighted by bin size', () => {
    const overconfident = [true, true, false, false].map((correct) => ({ confidence: 0.9, correct }));
    expect(expectedCalibrationError(overconfident)).toBeCloseTo(0.4);
    const honest = [true, false].map((correct) => ({ confidence: 0.5, correct }));
    expect(expectedCalibrationError(honest)).toBeCloseTo(0);
    expect(expectedCalibrationError([])).toBe(0);
  });

  it('negative log-likelihood grows as the true label gets less probability', () => {
    expect(negativeLogLikelihood([0.9])).toBeLessThan(negativeLogLikelihood([0.5]));
  });
});

const corpus: LabelledUtterance[] = [
  ...Array.from({ length: 7 }, (_, i) => ({ text: `hello ${i}`, intent: 'greet' as const })),
  ...Array.from({ length: 5 }, (_, i) => ({ text: `bye ${i}`, intent: 'goodbye' as const })),
];

describe('stratified folds', () => {
  it('spread each intent evenly, keep every line exactly once, and repeat exactly', () => {
    const folds = stratifiedFolds(corpus, 3);
    expect(folds.flat().map((l) => l.text).sort()).toEqual(corpus.map((l) => l.text).sort());
    for (const intent of ['greet', 'goodbye'] as const) {
      const counts = folds.map((fold) => fold.filter((l) => l.intent === intent).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
    expect(stratifiedFolds(corpus, 3)).toEqual(folds);
  });

  it('predicts every line with a model trained without it', () => {
    const seenByModel: string[][] = [];
    const predictions = outOfFoldPredictions(corpus, 4, (lines) => {
      const seen = lines.map((l) => l.text);
      seenByModel.push(seen);
      return (text) => new Map<Intent, number>([['greet', seen.includes(text) ? 1 : 0.5], ['goodbye', 0.5]]);
    });
    expect(predictions).toHaveLength(corpus.length);
    expect(seenByModel).toHaveLength(4);
    for (const p of predictions) expect(p.probabilities.get('greet')).toBe(0.5);
  });
});

describe('fitTemperature', () => {
  it('flattens an overconfident model and lowers its calibration error', () => {
    // Always 95 % sure, right 3 times in 5.
    const predictions = Array.from({ length: 50 }, (_, i) => ({
      line: { text: `t${i}`, intent: (i % 5 < 3 ? 'greet' : 'goodbye') as Intent },
      probabilities: new Map<Intent, number>([['greet', 0.95], ['goodbye', 0.05]]),
    }));
    const fit = fitTemperature(predictions);
    expect(fit.temperature).toBeGreaterThan(1);
    expect(fit.eceAfter).toBeLessThan(fit.eceBefore);
    expect(fit.accuracy).toBeCloseTo(0.6);
  });
});

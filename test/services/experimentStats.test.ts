/** Confidence intervals against hand-computed (and published) values. */
import { mean, meanDifference, proportion, proportionDifference, wilsonInterval } from '../../services/experiments/stats';

describe('Wilson score interval (95 %)', () => {
  test.each([
    // successes, n, low, high: Newcombe (1998) table values
    [8, 10, 0.4902, 0.9433],
    [0, 10, 0, 0.2775],
    [5, 10, 0.2366, 0.7634],
    [10, 10, 0.7225, 1],
  ])('%i of %i → [%f, %f]', (successes, n, low, high) => {
    const ci = wilsonInterval(successes, n);
    expect(ci?.low).toBeCloseTo(low, 4);
    expect(ci?.high).toBeCloseTo(high, 4);
  });

  test('no trials, no interval', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(proportion(0, 0)).toEqual({ successes: 0, n: 0, value: null, ci: null });
  });
});

describe('normal interval of a mean', () => {
  test('3, 4, 5: mean 4, sd 1, 4 ± 1.96/√3', () => {
    const m = mean([3, 4, 5]);
    expect(m.value).toBe(4);
    expect(m.sd).toBeCloseTo(1, 10);
    expect(m.ci?.low).toBeCloseTo(2.8684, 4);
    expect(m.ci?.high).toBeCloseTo(5.1316, 4);
  });

  test('one value has a mean but no interval', () => {
    expect(mean([4])).toEqual({ n: 1, value: 4, sd: null, ci: null });
  });
});

describe('differences against control', () => {
  test('opt-out 6 of 10 against 0 of 10: 0.6 ± 1.96·√(0.024) — wholly above 0', () => {
    const diff = proportionDifference(proportion(6, 10), proportion(0, 10));
    expect(diff?.low).toBeCloseTo(0.6 - 1.959964 * Math.sqrt(0.024), 6);
    expect(diff?.low).toBeGreaterThan(0);
  });

  test('CSAT 2.5 against 4.5 (sd 0.527 each, n 10): wholly below 0', () => {
    const diff = meanDifference(mean([2, 3, 2, 3, 2, 3, 2, 3, 2, 3]), mean([5, 4, 5, 4, 5, 4, 5, 4, 5, 4]));
    const se = Math.sqrt((2 * (0.25 * 10 / 9)) / 10);
    expect(diff?.high).toBeCloseTo(-2 + 1.959964 * se, 6);
    expect(diff?.high).toBeLessThan(0);
  });
});

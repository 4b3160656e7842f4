/** Deterministic assignment: a property test over experiment ids, customer ids and weights. */
import fc from 'fast-check';
import { assignmentPoint, assignVariant } from '../../services/experiments/assignment';

const weightsArb = fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 2, maxLength: 4 });
const variantsOf = (weights: number[]) => weights.map((weight, i) => ({ id: `v${i}`, weight }));

describe('deterministic assignment', () => {
  test('the same experiment and customer always get the same variant, whatever else was assigned before', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), weightsArb, fc.array(fc.string(), { maxLength: 5 }),
      (experimentId, customerId, weights, others) => {
        const variants = variantsOf(weights);
        const first = assignVariant(experimentId, customerId, variants);
        for (const other of others) assignVariant(experimentId, other, variants);
        expect(assignVariant(experimentId, customerId, variantsOf([...weights])).id).toBe(first.id);
      }));
  });

  test('the point is uniform-looking in [0, 1) and changes with the experiment', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (experimentId, customerId) => {
      const point = assignmentPoint(experimentId, customerId);
      expect(point).toBeGreaterThanOrEqual(0);
      expect(point).toBeLessThan(1);
    }));
    const moved = Array.from({ length: 200 }, (_, i) => `c${i}`)
      .filter((c) => assignVariant('exp-1', c, variantsOf([1, 1])).id !== assignVariant('exp-2', c, variantsOf([1, 1])).id);
    // Independent splits: about half the customers land elsewhere in another experiment.
    expect(moved.length).toBeGreaterThan(60);
    expect(moved.length).toBeLessThan(140);
  });

  test('shares of 4,000 customers are close to the weights (within 0.035, over 4 sd of a binomial share)', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 12 }), weightsArb, (experimentId, weights) => {
      const variants = variantsOf(weights);
      const total = weights.reduce((s, w) => s + w, 0);
      const counts = new Map<string, number>();
      const customers = 4_000;
      for (let i = 0; i < customers; i += 1) {
        const v = assignVariant(experimentId, `customer-${i}`, variants).id;
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      for (const v of variants) expect(Math.abs((counts.get(v.id) ?? 0) / customers - v.weight / total)).toBeLessThan(0.035);
    }), { numRuns: 15 });
  });
});

import { SegmentationEngine } from '../../../recommender/segmentation';
import { binOf, quantileEdges } from '../../../recommender/segmentation/quantiles';
import { rfmLabel } from '../../../recommender/segmentation/rfm';
import { AS_OF, customer, order } from './builders';

const engine = () => new SegmentationEngine([], { clusters: false });

describe('quantile edges (numpy "linear", as pandas qcut uses them)', () => {
  it.each([
    // Expected values from np.percentile(values, np.linspace(0, 1, 6) * 100).
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2.8, 4.6, 6.4, 8.2, 10]],
    [[5], [5, 5, 5, 5, 5, 5]],
    [[1, 1, 1, 2], [1, 1, 1, 1, 1.4000000000000004, 2]], // numpy's exact double, not 1.4
  ])('%j -> %j', (values, expected) => {
    expect(Array.from(quantileEdges(values))).toEqual(expected);
  });

  it('puts a value equal to an edge in the lower bin and the minimum in bin 1 (right-closed, lowest included)', () => {
    const edges = Float64Array.from([1, 15, 33, 72, 180, 374]);
    expect([1, 2, 15, 16, 33, 180, 181, 374].map((v) => binOf(v, edges))).toEqual([1, 1, 1, 2, 2, 4, 5, 5]);
  });
});

describe('the named segment map over the 25 R/F cells', () => {
  const expected: Record<string, string> = {
    '11': 'hibernating', '12': 'hibernating', '13': 'at_risk', '14': 'at_risk', '15': 'cant_lose',
    '21': 'hibernating', '22': 'hibernating', '23': 'at_risk', '24': 'at_risk', '25': 'cant_lose',
    '31': 'about_to_sleep', '32': 'about_to_sleep', '33': 'need_attention', '34': 'loyal_customers', '35': 'loyal_customers',
    '41': 'promising', '42': 'potential_loyalists', '43': 'potential_loyalists', '44': 'loyal_customers', '45': 'loyal_customers',
    '51': 'new_customers', '52': 'potential_loyalists', '53': 'potential_loyalists', '54': 'champions', '55': 'champions',
  };
  it.each(Object.entries(expected))('R%s -> %s', (cell, label) => {
    expect(rfmLabel(Number(cell[0]), Number(cell[1]))).toBe(label);
  });
  it('refuses scores outside 1..5', () => {
    expect(() => rfmLabel(0, 3)).toThrow(/1\.\.5/);
  });
});

describe('RFM scoring edge cases', () => {
  it('recency is whole days to midnight of the as-of date, frequency distinct orders, monetary the spend', () => {
    const [a] = engine().computeAll([customer('1')], [
      order('1', '2011-12-09T12:50:00Z', [2, 3.5]), order('1', '2011-11-01T09:00:00Z', [10]),
    ], AS_OF);
    expect(a.rfm).toMatchObject({ recencyDays: 1, frequency: 2, monetary: 15.5 });
  });

  it('gives customers without orders the no_history label and zero scores', () => {
    const assignments = engine().computeAll([customer('1'), customer('2')], [order('1', '2011-12-01T00:00:00Z', [5])], AS_OF);
    expect(assignments.find((a) => a.customerId === '2')?.rfm).toEqual({ recencyDays: 0, frequency: 0, monetary: 0, r: 0, f: 0, m: 0, label: 'no_history' });
  });

  it('scores a single customer with one order in the lowest bins (R5, F1, M1)', () => {
    const [a] = engine().computeAll([customer('1')], [order('1', '2011-12-01T00:00:00Z', [5])], AS_OF);
    expect([a.rfm.r, a.rfm.f, a.rfm.m, a.rfm.label]).toEqual([5, 1, 1, 'new_customers']);
  });

  it('accepts zero spend', () => {
    const assignments = engine().computeAll(
      ['1', '2', '3', '4', '5'].map((id) => customer(id)),
      ['1', '2', '3', '4', '5'].map((id, i) => order(id, '2011-12-01T00:00:00Z', [i * 10])),
      AS_OF,
    );
    expect(assignments.map((a) => a.rfm.m)).toEqual([1, 2, 3, 4, 5]);
    expect(assignments[0].rfm.monetary).toBe(0);
  });

  it('breaks frequency ties by ascending customer id, numerically for numeric ids', () => {
    const ids = ['100', '20', '3', '4000', '50'];
    const assignments = engine().computeAll(ids.map((id) => customer(id)), ids.map((id) => order(id, '2011-12-01T00:00:00Z', [5])), AS_OF);
    const f = Object.fromEntries(assignments.map((a) => [a.customerId, a.rfm.f]));
    expect(f).toEqual({ '3': 1, '20': 2, '50': 3, '100': 4, '4000': 5 });
  });

  it('puts customers who are all equal in the same cells (R5 as recent as anyone, M1) but spreads F by id', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const assignments = engine().computeAll(ids.map((id) => customer(id)), ids.map((id) => order(id, '2011-12-01T00:00:00Z', [7])), AS_OF);
    expect(new Set(assignments.map((a) => `${a.rfm.r}/${a.rfm.m}`))).toEqual(new Set(['5/1']));
    // Ranks 1..6 against edges [1, 2, 3, 4, 5, 6]: right-closed bins put ranks 1 and 2 in bin 1.
    expect(assignments.map((a) => a.rfm.f)).toEqual([1, 1, 2, 3, 4, 5]);
  });

  it('counts an order id once even if it arrives twice', () => {
    const e = engine();
    e.computeAll([customer('1')], [order('1', '2011-12-01T00:00:00Z', [5], 'same')], AS_OF);
    expect(e.applyOrder(order('1', '2011-12-02T00:00:00Z', [5], 'same'), AS_OF)).toEqual([]);
    expect(e.assignmentOf('1')?.rfm.frequency).toBe(1);
  });
});

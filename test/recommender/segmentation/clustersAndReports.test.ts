import type { SegmentAssignment } from '../../../domain/model';
import { SegmentationEngine, sizeReport, skewReport, subjectOf } from '../../../recommender/segmentation';
import { AS_OF, customer, order } from './builders';

/** ml-kmeans is ESM-only: Jest loads it only when jest.config.js transforms it (see the segmentation report). */

describe('cluster analysis', () => {
  // Two clearly different groups: frequent big spenders on Christmas lines, and one-off small kitchen buyers.
  const ids = Array.from({ length: 60 }, (_, i) => String(1000 + i));
  const orders = ids.flatMap((id, i) =>
    i < 30
      ? Array.from({ length: 8 }, (_, k) => ({ ...order(id, `2011-12-0${1 + (k % 8)}T10:00:00Z`, [200 + i]), lines: [{ productId: 'xmas', quantity: 10, unitPrice: 20 + i }] }))
      : [{ ...order(id, '2011-03-01T10:00:00Z', [3]), lines: [{ productId: 'mug', quantity: 1, unitPrice: 2 + i / 100 }] }],
  );
  const categoryOf = (productId: string) => (productId === 'xmas' ? 'christmas' : 'kitchen_dining');

  it('chooses k by silhouette, separates the groups and describes them in words', () => {
    const engine = new SegmentationEngine([], { categoryOf, clusters: { kMin: 2, kMax: 4, seed: 7, fitSample: 1000, silhouetteSample: 100 } });
    const assignments = engine.computeAll(ids.map((id) => customer(id)), orders, AS_OF);
    const model = engine.clusterModel;
    expect(model?.k).toBe(2);
    const clusterOfGroup = (from: number, to: number) => new Set(assignments.slice(from, to).map((a) => a.cluster));
    expect(clusterOfGroup(0, 30).size).toBe(1);
    expect(clusterOfGroup(30, 60).size).toBe(1);
    const [big] = clusterOfGroup(0, 30);
    expect(model?.descriptions[big ?? -1]).toMatch(/recent, frequent, high-spending buyers.*christmas/);
    const again = new SegmentationEngine([], { categoryOf, clusters: { kMin: 2, kMax: 4, seed: 7, fitSample: 1000, silhouetteSample: 100 } });
    expect(again.computeAll(ids.map((id) => customer(id)), orders, AS_OF).map((a) => a.cluster)).toEqual(assignments.map((a) => a.cluster));
  });
});

function assignment(customerId: string, label: string, rules: string[] = []): SegmentAssignment {
  return {
    customerId, rfm: { recencyDays: 1, frequency: 1, monetary: 1, r: 1, f: 1, m: 1, label }, rules, primary: rules[0] ?? label,
    persona: 'dormant', computedAt: AS_OF.toISOString(), history: [],
  };
}

describe('size report', () => {
  const assignments = [
    ...Array.from({ length: 70 }, (_, i) => assignment(`a${i}`, 'hibernating')),
    ...Array.from({ length: 25 }, (_, i) => assignment(`b${i}`, 'champions', ['wholesale'])),
    ...Array.from({ length: 5 }, (_, i) => assignment(`c${i}`, 'promising')),
  ];
  it('warns about segments too small to act on and too broad to mean anything, with configurable thresholds', () => {
    const warned = (minCount: number, maxShare: number) =>
      sizeReport(assignments, { minCount, maxShare }).filter((e) => e.source === 'rfm' && e.warning).map((e) => `${e.segment}:${e.warning}`);
    expect(warned(10, 0.5)).toEqual(['hibernating:too_large', 'promising:too_small']);
    expect(warned(3, 0.8)).toEqual([]);
    expect(warned(30, 0.8)).toEqual(['champions:too_small', 'promising:too_small']);
  });
});

describe('skew report', () => {
  it('shows how a segment spreads over country, age band and business flag beside everyone', () => {
    const customers = [
      customer('1', { country: 'France', isBusiness: true }), customer('2', { country: 'France', isBusiness: true }),
      customer('3', { demographics: { ageBand: '25-34' } }), customer('4'),
    ];
    const subjects = new Map(customers.map((c) => [c.id, subjectOf(c)]));
    const assignments = [assignment('1', 'champions', ['wholesale']), assignment('2', 'champions'), assignment('3', 'hibernating'), assignment('4', 'hibernating')];
    const report = skewReport(assignments, subjects);
    const champions = report.find((e) => e.segment === 'champions' && e.attribute === 'country');
    expect(champions?.spread).toContainEqual({ value: 'France', segmentShare: 1, overallShare: 0.5 });
    expect(champions?.maxDeviation).toBe(0.5);
    const wholesale = report.find((e) => e.segment === 'wholesale' && e.attribute === 'business');
    expect(wholesale?.spread).toContainEqual({ value: 'business', segmentShare: 1, overallShare: 0.5 });
    const ages = report.find((e) => e.segment === 'hibernating' && e.attribute === 'ageBand');
    expect(ages?.spread).toContainEqual({ value: '25-34', segmentShare: 0.5, overallShare: 0.25 });
  });
});

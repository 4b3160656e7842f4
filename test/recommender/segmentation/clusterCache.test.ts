/**
 * The cluster fit kept in the model cache (clustering.ts): restored, it assigns every customer exactly as a fresh
 * k-means fit does; other features (another day's recencies, another order) fit again.
 */
import { DEFAULT_SEED_PATH, readSeedFile } from '../../../data/seedFile';
import type { StoreData } from '../../../data/storeSchema';
import type { ModelCache } from '../../../domain/modelCache';
import { defaultSegmentDefinitions, SegmentationEngine } from '../../../recommender/segmentation';
import { CountingCache } from '../../support/countingCache';


let seed: StoreData;
beforeAll(async () => { seed = await readSeedFile(DEFAULT_SEED_PATH); });

const asOf = new Date('2026-12-01T12:00:00Z');
const clock = () => new Date('2026-12-01T12:00:00Z');

function segment(modelCache: ModelCache | undefined, orders = seed.orders, at = asOf) {
  const categories = new Map(seed.products.map((p) => [p.id, p.category]));
  const engine = new SegmentationEngine(defaultSegmentDefinitions(), { categoryOf: (id) => categories.get(id), clock, modelCache });
  const assignments = engine.computeAll(seed.customers, orders, at);
  return { assignments, model: engine.clusterModel };
}

describe('cluster fits kept by a fingerprint of the customers\' features', () => {
  it('restores the model: every assignment and the model itself equal a fresh fit\'s', () => {
    const fresh = segment(undefined);
    expect(fresh.model).not.toBeNull();
    const cache = new CountingCache();
    segment(cache);
    const restored = segment(cache);
    expect([cache.sets, cache.hits]).toEqual([1, 1]);
    expect(restored.model).toEqual(fresh.model);
    expect(restored.assignments).toEqual(fresh.assignments);
  });

  it('fits again for another day or another order, and for a kept entry that does not decode', () => {
    const cache = new CountingCache();
    segment(cache);
    segment(cache, seed.orders, new Date(asOf.getTime() + 2 * 86_400_000));
    expect([cache.sets, cache.hits]).toEqual([2, 0]);
    const [first] = seed.orders;
    const changed = segment(cache, [{ ...first, lines: first.lines.map((l) => ({ ...l, quantity: l.quantity + 5 })) }, ...seed.orders.slice(1)]);
    expect([cache.sets, cache.hits]).toEqual([3, 0]);
    expect(changed.assignments).toEqual(segment(undefined, [{ ...first, lines: first.lines.map((l) => ({ ...l, quantity: l.quantity + 5 })) }, ...seed.orders.slice(1)]).assignments);
    for (const key of cache.entries.keys()) cache.entries.set(key, new Uint8Array([2, 0, 0, 0, 0x7b, 0x7d, 0, 0]));
    expect(segment(cache).assignments).toEqual(segment(undefined).assignments);
    expect(cache.rejected).toBe(1);
  });
});

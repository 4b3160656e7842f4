import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../data/openStore';
import type { StoreData } from '../../../data/storeSchema';
import { emptyStoreData } from '../../../data/storeSchema';
import { defaultSegmentDefinitions, refreshSegments } from '../../../recommender/segmentation';
import { AS_OF, customer, order } from './builders';

describe('refreshSegments on a real lowdb store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'segments-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const seed = (): StoreData => ({
    ...emptyStoreData(),
    customers: [customer('1'), customer('2'), customer('3')],
    orders: [order('1', '2011-12-01T10:00:00Z', [30]), order('2', '2011-06-01T10:00:00Z', [5])],
  });

  it('writes assignments with history when stale, and leaves fresh ones alone', async () => {
    const path = join(dir, 'store.json');
    const first = await openStore({ path, seed });
    const day1 = () => new Date('2011-12-11T06:00:00Z');
    const run1 = await refreshSegments(first.repositories, defaultSegmentDefinitions(), { asOf: AS_OF, maxAgeMs: 3_600_000, clusters: false, clock: day1 });
    expect(run1.written).toBe(true);
    await first.close();

    const reopened = await openStore({ path, seed });
    const stored = await reopened.repositories.segments.list();
    expect(stored.map((a) => a.customerId).sort()).toEqual(['1', '2', '3']);
    expect(stored.find((a) => a.customerId === '3')?.history).toEqual([{ at: day1().toISOString(), primary: 'no_history', rfmLabel: 'no_history' }]);

    const soon = () => new Date('2011-12-11T06:30:00Z');
    const run2 = await refreshSegments(reopened.repositories, defaultSegmentDefinitions(), { asOf: AS_OF, maxAgeMs: 3_600_000, clusters: false, clock: soon });
    expect(run2.written).toBe(false);
    const changed = run2.engine.applyOrder(order('3', '2011-12-10T10:00:00Z', [12]), AS_OF);
    expect(changed.find((a) => a.customerId === '3')?.rfm.frequency).toBe(1);
    await reopened.close();
  });
});

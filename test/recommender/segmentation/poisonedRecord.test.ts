/**
 * One record with numbers that overflow must never brick segmentation: a store file that took such orders (before
 * orders were bounded) still opens, the start-up refresh completes for every customer with finite values, and the
 * poisoned orders are left out and reported. The other customers get exactly what they would get without them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../data/openStore';
import { DEFAULT_SEED_PATH, readSeedFile } from '../../../data/seedFile';
import type { StoreData } from '../../../data/storeSchema';
import type { Order, SegmentAssignment } from '../../../domain/model';
import { defaultSegmentDefinitions, refreshSegments } from '../../../recommender/segmentation';

const AS_OF = new Date('2026-11-22T00:00:00.000Z');
const CLOCK = () => new Date('2026-11-22T08:00:00.000Z');

const dir = mkdtempSync(join(tmpdir(), 'poisoned-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the store file directly, as an older version (or a hand edit) would have left it, and refreshes it. */
async function refreshFile(name: string, data: StoreData) {
  const path = join(dir, name, 'store.json');
  const created = await openStore({ path, seed: () => data });
  await created.close();
  // Written again by hand: the repository would refuse these orders now, an old store may hold them anyway.
  writeFileSync(path, JSON.stringify(data));
  const store = await openStore({ path, seed: () => { throw new Error('the store file must exist'); } });
  const leftOut: { orderId: string; reason: string }[] = [];
  try {
    const result = await refreshSegments(store.repositories, defaultSegmentDefinitions(), {
      asOf: AS_OF, clock: CLOCK, maxAgeMs: 0, force: true, onOrderLeftOut: (order, reason) => leftOut.push({ orderId: order.id, reason }),
    });
    return { result, leftOut, stored: await store.repositories.segments.list(), fileText: readFileSync(path, 'utf8') };
  } finally {
    await store.close();
  }
}

const numbersOf = (a: SegmentAssignment) => [a.rfm.recencyDays, a.rfm.frequency, a.rfm.monetary, a.rfm.r, a.rfm.f, a.rfm.m, a.cluster ?? 0];
const withoutStamps = ({ computedAt: _c, history: _h, ...rest }: SegmentAssignment) => rest;

/** One refresh per data set for the file, started by the first test that needs it (tests still run alone, in any order). */
function once<T>(run: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= run());
}

describe('segmentation with a poisoned record in the store file', () => {
  let seed: StoreData;
  let poisoned: StoreData;
  const victims: string[] = [];
  // Tests only read these, except the last, which applies a left-out order (the engine must not change).
  const poisonedRefresh = once(() => refreshFile('poisoned', poisoned));
  const cleanRefresh = once(() => refreshFile('clean', seed));
  beforeAll(async () => {
    seed = await readSeedFile(DEFAULT_SEED_PATH);
    const buyers = [...new Set(seed.orders.map((o) => o.customerId))];
    victims.push(buyers[0], buyers[1]);
    const productId = seed.orders[0].lines[0].productId;
    const poison = (id: string, customerId: string, lines: Order['lines']): Order => ({ id, customerId, date: '2026-11-20T10:00:00.000Z', lines });
    poisoned = {
      ...seed,
      orders: [
        ...seed.orders,
        // 2 x 1.7e308 overflows to Infinity in the line total.
        poison('poison-line', victims[0], [{ productId, quantity: 2, unitPrice: 1.7e308 }]),
        // Each line is finite; their sum is not.
        poison('poison-sum', victims[1], [{ productId, quantity: 1, unitPrice: 1.7e308 }, { productId, quantity: 1, unitPrice: 1.7e308 }]),
      ],
    };
  });

  it('completes for every customer with finite numbers, leaving out and reporting only the poisoned orders', async () => {
    const { result, leftOut, stored, fileText } = await poisonedRefresh();
    expect(fileText).toContain('"unitPrice":1.7e+308');
    expect(result.written).toBe(true);
    expect(stored).toHaveLength(seed.customers.length);
    expect(stored.flatMap(numbersOf).every(Number.isFinite)).toBe(true);
    expect(result.engine.clusterModel).not.toBeNull();
    expect(result.engine.clusterModel?.centroids.flat().every(Number.isFinite)).toBe(true);
    expect(leftOut).toEqual([
      { orderId: 'poison-line', reason: expect.stringMatching(/finite/) },
      { orderId: 'poison-sum', reason: expect.stringMatching(/finite/) },
    ]);
  });

  it('gives everyone, the poisoned customers too, what the store without those orders gives', async () => {
    const clean = await cleanRefresh();
    const dirty = await poisonedRefresh();
    const byId = (list: readonly SegmentAssignment[]) => new Map(list.map((a) => [a.customerId, withoutStamps(a)]));
    expect(byId(dirty.stored)).toEqual(byId(clean.stored));
    for (const id of victims) expect(dirty.stored.find((a) => a.customerId === id)?.rfm.monetary).toBeGreaterThan(0);
  });

  it('an overflowing order arriving later is left out too, and the kept engine stays finite', async () => {
    const { result, leftOut } = await cleanRefresh();
    expect(leftOut).toEqual([]);
    // The engine built at start keeps its callback: order intake applies each new order to it.
    const engine = result.engine;
    const sentinel = seed.orders[1];
    const later = { ...sentinel, id: 'later-poison', lines: [{ ...sentinel.lines[0], quantity: 3, unitPrice: 1e308 }] };
    const before = engine.assignmentOf(sentinel.customerId);
    expect(engine.applyOrder(later, AS_OF)).toEqual([]);
    expect(leftOut.map((o) => o.orderId)).toEqual(['later-poison']);
    expect(engine.assignmentOf(sentinel.customerId)).toEqual(before);
    expect(engine.assignments().flatMap(numbersOf).every(Number.isFinite)).toBe(true);
  });
});

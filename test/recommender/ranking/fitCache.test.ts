/**
 * Kept fits (recommender/ranking/fitCache.ts): an index restored from the cache must rank exactly as one fitted
 * afresh; other data must fit again; a corrupt kept file must be refitted with a warning, never crash the build.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED_PATH, readSeedFile } from '../../../data/seedFile';
import { ModelCacheFolder } from '../../../data/modelCacheFolder';
import type { ModelCache } from '../../../domain/modelCache';
import type { Order, Product } from '../../../domain/model';
import { DEFAULT_BLEND_FIT } from '../../../recommender/ranking/blendFit';
import { recommend } from '../../../recommender/ranking/recommend';
import { RecommenderIndex, type CustomerGroups } from '../../../recommender/ranking/recommenderIndex';
import { CountingCache } from '../../support/countingCache';


let products: Product[];
let orders: Order[];
let customers: Map<string, CustomerGroups>;

/**
 * Every third customer of the seed (by id) and their orders: the properties hold on any data the fits run on, and a
 * third of the seed builds in about half the time while still holding enough window buyers for the blend fit (asserted).
 */
const CUSTOMER_STRIDE = 3;

beforeAll(async () => {
  const seed = await readSeedFile(DEFAULT_SEED_PATH);
  const kept = new Set(seed.customers.map((c) => c.id).sort().filter((_, n) => n % CUSTOMER_STRIDE === 0));
  products = seed.products;
  orders = seed.orders.filter((o) => kept.has(o.customerId));
  const labels = new Map(seed.segments.map((s) => [s.customerId, s.rfm.label]));
  customers = new Map(seed.customers.filter((c) => kept.has(c.id)).map((c) => [c.id, { segmentLabel: labels.get(c.id), country: c.country }]));
});

const build = (modelCache?: ModelCache, changed: Order[] = orders): RecommenderIndex =>
  RecommenderIndex.build({ products, orders: changed, customers, modelCache });

/** What a shopper would see: every customer's suggestions (items, scores, reasons), plus a guest's and a "more like" list. */
function rankings(index: RecommenderIndex): unknown[] {
  const out: unknown[] = [];
  for (const [customerId, groups] of customers) {
    const context = { customerId, personalized: true, dismissed: [], ...groups };
    out.push(recommend(index, context, { customerId, limit: 8 }));
  }
  out.push(recommend(index, { customerId: null, personalized: false, dismissed: [] }, { customerId: null, limit: 8 }));
  out.push(index.relatedTo(products[0].id, 10));
  return out;
}

/** The EASE model's items and weights as one hex digest per array (comparing millions of elements one by one is slow). */
function easeBytes(index: RecommenderIndex): string[] {
  const parts = index.ease()?.parts();
  if (!parts) throw new Error('no EASE model');
  return [parts.items, parts.weights].map((a) => createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex'));
}

describe('fitted models kept by a fingerprint of their inputs', () => {
  let fresh: RecommenderIndex;
  /** rankings(fresh), computed once: reading an index does not change it. */
  let freshRankings: unknown[];
  beforeAll(() => {
    fresh = build();
    freshRankings = rankings(fresh);
  });

  it('builds over a slice that still runs both fits', () => {
    expect(fresh.learntBlend).not.toBeNull();
    expect(fresh.learntBlend?.customers).toBeGreaterThanOrEqual(DEFAULT_BLEND_FIT.minCustomers);
    expect(fresh.ease()).not.toBeNull();
  });

  it('restores the blend and EASE fits bit for bit: the restored index ranks exactly as a fresh one', () => {
    const cache = new CountingCache();
    build(cache);
    expect(cache.sets).toBe(2); // the blend and the EASE model, fitted and kept
    const restored = build(cache);
    expect(cache.sets).toBe(2); // nothing fitted again
    expect(cache.hits).toBe(2);
    expect(fresh.learntBlend).not.toBeNull();
    expect(restored.learntBlend).toEqual(fresh.learntBlend);
    const restoredWeights: Record<string, number | undefined> = restored.learntBlend?.weights ?? {};
    for (const [signal, weight] of Object.entries(fresh.learntBlend?.weights ?? {})) expect(Object.is(restoredWeights[signal], weight)).toBe(true);
    expect(easeBytes(restored)).toEqual(easeBytes(fresh));
    expect(rankings(restored)).toEqual(freshRankings);
  });

  it('fits again what an order change reaches, and the result equals a fresh build of the changed data', () => {
    const cache = new CountingCache();
    build(cache);
    const last = orders[orders.length - 1];
    // Another quantity: the blend reads it, EASE (distinct items per customer) does not.
    const moreUnits = [...orders.slice(0, -1), { ...last, lines: last.lines.map((l, n) => (n === 0 ? { ...l, quantity: l.quantity + 1 } : l)) }];
    const refitted = build(cache, moreUnits);
    expect(cache.sets).toBe(3);
    expect(cache.hits).toBe(1);
    expect(rankings(refitted)).toEqual(rankings(build(undefined, moreUnits)));
    // Another item in a basket reaches both fits.
    const unbought = products.find((p) => !orders.some((o) => o.customerId === last.customerId && o.lines.some((l) => l.productId === p.id)));
    if (!unbought) throw new Error('the customer bought everything');
    const newItem = [...orders.slice(0, -1), { ...last, lines: [...last.lines, { productId: unbought.id, quantity: 1, unitPrice: 1 }] }];
    const refittedBoth = build(cache, newItem);
    expect(cache.sets).toBe(5);
    expect(cache.hits).toBe(1);
    expect(easeBytes(refittedBoth)).toEqual(easeBytes(build(undefined, newItem)));
  });

  it('refits with a warning when a kept file is corrupt, and keeps a good one again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'model-cache-'));
    const warnings: string[] = [];
    const folder = new ModelCacheFolder(dir, { warn: (msg) => warnings.push(msg) });
    build(folder);
    const [easeFile] = readdirSync(dir).filter((name) => name.startsWith('ease-'));
    const bytes = readFileSync(join(dir, easeFile));
    bytes[bytes.length - 3] ^= 0xff; // one weight altered on disk
    writeFileSync(join(dir, easeFile), bytes);
    const [blendFile] = readdirSync(dir).filter((name) => name.startsWith('blend-'));
    writeFileSync(join(dir, blendFile), 'not a model');
    const rebuilt = build(folder);
    expect(warnings).toEqual(['kept model corrupt, fitting again', 'kept model corrupt, fitting again']);
    expect(easeBytes(rebuilt)).toEqual(easeBytes(fresh));
    expect(rankings(rebuilt)).toEqual(freshRankings);
    warnings.length = 0;
    expect(rankings(build(folder))).toEqual(freshRankings);
    expect(warnings).toEqual([]);
  });

  it('refits with a warning when a whole kept file does not decode as the model it is keyed for', () => {
    const cache = new CountingCache();
    const rejected: string[] = [];
    cache.reject = (key) => { rejected.push(key.split('-')[0]); cache.entries.delete(key); };
    build(cache);
    for (const key of cache.entries.keys()) cache.entries.set(key, new Uint8Array([2, 0, 0, 0, 0x7b, 0x7d, 0, 0]));
    const rebuilt = build(cache);
    expect(rejected.sort()).toEqual(['blend', 'ease']);
    expect(rankings(rebuilt)).toEqual(freshRankings);
  });
});

/**
 * The index build's two costly fits (the learnt blend and the EASE model) kept in a ModelCache (domain/modelCache.ts)
 * under a fingerprint of exactly what each fit reads, and restored bit for bit: an index built from the cache ranks
 * exactly as a freshly fitted one (test/recommender/fitCache.test.ts). A change to what a fit computes must bump its
 * number in FIT_VERSIONS (domain/modelCache.ts).
 */
import type { Order, Product } from '../../domain/model';
import { Fingerprint, packModel, unpackModel, type Codec } from '../../domain/modelCache';
import type { LearntBlend } from './blendFit';
import { EaseModel, type EaseOptions } from './ease';
import { DEFAULT_SCORING } from './types';

/** The blend fit reads the catalogue, the customers' groups, every order, the index options and the default scoring. */
export function blendKey(
  products: readonly Product[], groups: ReadonlyMap<string, unknown>, orders: readonly (readonly Order[])[], options: unknown,
): string {
  const print = new Fingerprint('blend').json(options).json(DEFAULT_SCORING);
  print.text(`products:${products.length}`);
  for (const product of products) print.json(product);
  print.text(`groups:${groups.size}`);
  for (const [customerId, group] of groups) print.text(customerId).json(group);
  for (const part of orders) {
    print.text(`orders:${part.length}`);
    for (const order of part) print.json(order);
  }
  return print.key();
}

/** EASE reads each customer's set of distinct items (in the order the fit takes them), the item count and its options. */
export function easeKey(customers: Iterable<Iterable<number>>, itemCount: number, options: EaseOptions): string {
  const print = new Fingerprint('ease').json(options).text(`items:${itemCount}`);
  for (const items of customers) print.ints(Int32Array.from(items));
  return print.key();
}

const isNumber = (value: unknown): value is number => typeof value === 'number';

/** A learnt blend, or null (too little evidence to fit): both are worth keeping. */
export const BLEND_CODEC: Codec<LearntBlend | null> = {
  encode: (blend) => packModel({ meta: { blend }, arrays: {} }),
  decode: (bytes) => {
    const { meta } = unpackModel(bytes);
    const blend = (meta as { blend?: unknown } | null)?.blend;
    if (blend === null) return null;
    const b = blend as Partial<Record<keyof LearntBlend, unknown>> | undefined;
    const scores = [b?.learnt, b?.defaults] as ({ all?: unknown; new?: unknown } | undefined)[];
    const weights = b?.weights;
    const wellFormed = b && [b.windowStart, b.windowEnd, b.customers, b.bags, b.pairs].every(isNumber)
      && scores.every((s) => isNumber(s?.all) && isNumber(s?.new))
      && typeof weights === 'object' && weights !== null && Object.values(weights).every(isNumber);
    if (!wellFormed) throw new Error('not a learnt blend');
    return blend as LearntBlend;
  },
};

export function easeCodec(itemCount: number): Codec<EaseModel> {
  return {
    encode: (model) => {
      const parts = model.parts();
      return packModel({ meta: { itemCount: parts.itemCount }, arrays: { items: parts.items, weights: parts.weights } });
    },
    decode: (bytes) => {
      const { meta, arrays } = unpackModel(bytes);
      const { items, weights } = arrays;
      if (!(items instanceof Int32Array) || !(weights instanceof Float32Array)) throw new Error('not an EASE model');
      if ((meta as { itemCount?: unknown } | null)?.itemCount !== itemCount) throw new Error('EASE model of another catalogue size');
      return EaseModel.restore({ items, itemCount, weights });
    },
  };
}

/** A small shop for ranking tests: three categories, a few customers with known histories. */
import type { Order, Product } from '../../../domain/model';
import { RecommenderIndex, type CustomerGroups } from '../../../recommender/ranking/recommenderIndex';
import type { RecommendationContext } from '../../../recommender/ranking/types';

export function product(id: string, category: string, price: number, extra: Partial<Product> = {}): Product {
  return { id, name: `Item ${id}`, category, price, currency: 'GBP', tags: [], inStock: true, ...extra };
}

export const PRODUCTS: Product[] = [
  product('c1', 'candles_lighting', 2, { name: 'White Tea Light Candle' }),
  product('c2', 'candles_lighting', 4, { name: 'Glass Lantern' }),
  product('c3', 'candles_lighting', 12, { name: 'Large Brass Lantern', tags: ['premium'] }),
  product('c4', 'candles_lighting', 3, { name: 'Red Candle', inStock: false }),
  product('k1', 'kitchen_dining', 3, { name: 'Spotty Mug' }),
  product('k2', 'kitchen_dining', 5, { name: 'Cake Tin', tags: ['eco-friendly'] }),
  product('k3', 'kitchen_dining', 8, { name: 'Teapot' }),
  product('x1', 'christmas', 2, { name: 'Christmas Bauble' }),
  product('x2', 'christmas', 6, { name: 'Advent Calendar' }),
  product('x3', 'christmas', 9, { name: 'Christmas Wreath' }),
  product('n1', 'stationery', 1, { name: 'Birthday Card', addedAt: '2011-11-28T00:00:00.000Z' }),
];

let orderSeq = 0;
export function order(customerId: string, date: string, productIds: string[]): Order {
  orderSeq++;
  return { id: `o${orderSeq}-${customerId}`, customerId, date: `${date}T10:00:00.000Z`, lines: productIds.map((productId) => ({ productId, quantity: 1, unitPrice: 1 })) };
}

/** anna buys tea lights over and over, with lanterns; ben buys kitchen items; many shoppers buy baubles. */
export function orders(): Order[] {
  orderSeq = 0;
  return [
    order('anna', '2011-09-01', ['c1', 'c2']),
    order('anna', '2011-10-01', ['c1', 'k1']),
    order('anna', '2011-11-01', ['c1']),
    order('ben', '2011-10-05', ['k1', 'k2']),
    order('ben', '2011-11-05', ['k2', 'k3']),
    order('cara', '2011-11-10', ['c1', 'c3']),
    order('cara', '2011-11-12', ['x1', 'x2']),
    order('dan', '2011-11-20', ['x1', 'x3']),
    order('eve', '2011-11-25', ['x1', 'c2']),
    order('fay', '2011-11-26', ['x1', 'k1']),
    order('gus', '2011-11-27', ['c4', 'c1']),
    order('hal', '2011-11-29', ['k3', 'k2']),
  ];
}

export const GROUPS = new Map<string, CustomerGroups>([
  ['anna', { segmentLabel: 'champions', country: 'United Kingdom' }],
  ['ben', { segmentLabel: 'loyal_customers', country: 'France' }],
  ['cara', { segmentLabel: 'champions', country: 'United Kingdom' }],
  ['dan', { segmentLabel: 'champions', country: 'United Kingdom' }],
]);

export function buildIndex(): RecommenderIndex {
  return RecommenderIndex.build({ products: PRODUCTS, orders: orders(), customers: GROUPS });
}

export function context(customerId: string | null, extra: Partial<RecommendationContext> = {}): RecommendationContext {
  return { customerId, personalized: customerId !== null, dismissed: [], ...extra };
}

/** `times` one-line orders of a product, each by another customer, spread over June 2011 (day 1 to 28, then again). */
export function repeatedOrders(productId: string, times: number, quantity = 1): Order[] {
  return Array.from({ length: times }, (_, c) => ({
    id: `${productId}-o${c}`, customerId: `${productId}-c${c}`, date: new Date(Date.UTC(2011, 5, 1 + (c % 28))).toISOString(),
    lines: [{ productId, quantity, unitPrice: 1 }],
  }));
}

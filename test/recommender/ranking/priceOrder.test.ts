/**
 * "The cheapest candle", "the most expensive mug": every item the request allows, by price (not only the ones a
 * signal reached), items named for the words before the rest of their category, presents among items bought singly.
 */
import type { Order } from '../../../domain/model';
import { recommend } from '../../../recommender/ranking/recommend';
import { RecommenderIndex } from '../../../recommender/ranking/recommenderIndex';
import { product, repeatedOrders } from './fixtures';

const PRODUCTS = [
  product('bigCandle', 'candles_lighting', 9, { name: 'Pillar Candle Large' }),
  product('tealight', 'candles_lighting', 0.65, { name: 'Tea Light Candles' }),
  product('taper', 'candles_lighting', 2.1, { name: 'Taper Candles Set' }),
  product('incense', 'candles_lighting', 0.29, { name: 'Incense Holder' }),
  product('soldOut', 'candles_lighting', 0.1, { name: 'Birthday Candle', inStock: false }),
  product('unsold', 'candles_lighting', 0.5, { name: 'Scented Candle' }),
  product('pencil', 'stationery', 0.06, { name: 'Wooden Pencil' }),
  product('mug', 'kitchen_dining', 2.5, { name: 'Spotty Mug' }),
  product('dearMug', 'kitchen_dining', 6, { name: 'Mug in Gift Box' }),
];

/** The big candle is the bestseller; pencils sell by the hundred only; nobody bought the scented candle. */
const orders = (): Order[] => [
  ...repeatedOrders('bigCandle', 40), ...repeatedOrders('tealight', 5), ...repeatedOrders('taper', 3), ...repeatedOrders('incense', 2),
  ...repeatedOrders('pencil', 30, 100), ...repeatedOrders('mug', 4), ...repeatedOrders('dearMug', 2),
];

const guest = { customerId: null, personalized: false, dismissed: [] };
const ids = (items: { product: { id: string } }[]): string[] => items.map((i) => i.product.id);

describe('suggestions in price order', () => {
  const index = RecommenderIndex.build({ products: PRODUCTS, orders: orders() });

  it('the cheapest candles: named candles lowest first, the unsold one included, sold-out and incense holders not', () => {
    const { items, personalized } = recommend(index, guest, { customerId: null, keywords: ['candle'], categories: ['candles_lighting'], priceOrder: 'lowest', limit: 5 });
    expect(ids(items)).toEqual(['unsold', 'tealight', 'taper', 'bigCandle']);
    expect(personalized).toBe(false);
    expect(items.every((s) => s.reason.text === 'Among our lowest prices for what you asked')).toBe(true);
  });

  it('the dearest first, and only within the budget', () => {
    const { items } = recommend(index, guest, { customerId: null, keywords: ['candle'], priceOrder: 'highest', budget: { max: 5 }, limit: 2 });
    expect(ids(items)).toEqual(['taper', 'tealight']);
  });

  it('the cheapest present is among items bought one at a time, never a pencil sold by the hundred', () => {
    const { items } = recommend(index, guest, { customerId: null, occasion: 'gift', priceOrder: 'lowest', limit: 3 });
    expect(ids(items)).toEqual(['incense', 'tealight', 'taper']);
  });

  it('without any words, the whole shop in price order', () => {
    expect(ids(recommend(index, guest, { customerId: null, priceOrder: 'lowest', limit: 2 }).items)).toEqual(['pencil', 'incense']);
  });
});

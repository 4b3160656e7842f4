/**
 * "The cheapest candle", "the most expensive mug": every item the request allows, by price (not only the ones a
 * signal reached), items named for the words before the rest of their category, presents among items bought singly.
 */
import type { Order } from '../../../domain/model';
import { recommend } from '../../../recommender/ranking/recommend';
import { RecommenderIndex } from '../../../recommender/ranking/recommenderIndex';
import { product } from './fixtures';

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
function orders(): Order[] {
  const out: Order[] = [];
  let seq = 0;
  const buy = (productId: string, quantity: number, times: number) => {
    for (let c = 0; c < times; c++) out.push({ id: `o${++seq}`, customerId: `c${seq}`, date: new Date(Date.UTC(2011, 5, 1 + (c % 28))).toISOString(), lines: [{ productId, quantity, unitPrice: 1 }] });
  };
  buy('bigCandle', 1, 40); buy('tealight', 1, 5); buy('taper', 1, 3); buy('incense', 1, 2); buy('pencil', 100, 30); buy('mug', 1, 4); buy('dearMug', 1, 2);
  return out;
}

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

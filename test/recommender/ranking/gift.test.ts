import type { Order } from '../../../domain/model';
import { recommend } from '../../../recommender/ranking/recommend';
import { RecommenderIndex } from '../../../recommender/ranking/recommenderIndex';
import { product } from './fixtures';

/** Cheap items sold by the dozen are the bestsellers; dearer ones sell one at a time. No price rule is involved. */
const PRODUCTS = [
  product('cheap1', 'party', 1.25), product('cheap2', 'party', 0.85),
  product('single1', 'home', 15), product('single2', 'home', 18), product('dear', 'home', 25),
];

function orders(): Order[] {
  const out: Order[] = [];
  const buy = (customer: string, productId: string, quantity: number, day: number) =>
    out.push({ id: `${customer}-${productId}`, customerId: customer, date: new Date(Date.UTC(2011, 5, day)).toISOString(), lines: [{ productId, quantity, unitPrice: 1 }] });
  for (let c = 0; c < 20; c++) { buy(`a${c}`, 'cheap1', 12, 1 + c); buy(`a${c}`, 'cheap2', 24, 1 + c); }
  for (let c = 0; c < 6; c++) buy(`b${c}`, 'single1', 1, 2 + c);
  for (let c = 0; c < 4; c++) buy(`d${c}`, 'single2', 1, 3 + c);
  for (let c = 0; c < 8; c++) buy(`e${c}`, 'dear', 1, 4 + c);
  return out;
}

const guest = { customerId: null, personalized: false, dismissed: [] };

describe('gift requests', () => {
  const index = RecommenderIndex.build({ products: PRODUCTS, orders: orders() });

  it('counts, from the orders, which items customers buy one at a time', () => {
    const single = (id: string) => index.singleUnit.get(index.catalog.indexOf(id) ?? -1);
    expect([single('single1'), single('single2'), single('dear'), single('cheap1')]).toEqual([6, 4, 8, 0]);
  });

  it('leads a gift under £20 with what sells on its own, within the budget, and says why', () => {
    const items = recommend(index, guest, { customerId: null, occasion: 'gift', budget: { max: 20 }, limit: 3 }).items;
    expect(items.slice(0, 2).map((i) => i.product.id)).toEqual(['single1', 'single2']);
    expect(items.map((i) => i.product.id)).not.toContain('dear');
    expect(items[0].reason).toEqual({ kind: 'request', text: 'Often bought on its own, as presents are' });
  });

  it('leaves requests that are not for a present to the bestsellers', () => {
    const ids = recommend(index, guest, { customerId: null, budget: { max: 20 }, limit: 3 }).items.map((i) => i.product.id);
    expect(ids[0]).toBe('cheap1');
  });
});

import type { Order } from '../../../domain/model';
import { buildConstraints } from '../../../recommender/ranking/constraints';
import { budgetCloseness, giftQuery } from '../../../recommender/ranking/giftDemand';
import { SinglePurchasePrices } from '../../../recommender/ranking/giftPrices';
import { recommend } from '../../../recommender/ranking/recommend';
import { RecommenderIndex } from '../../../recommender/ranking/recommenderIndex';
import { product } from './fixtures';

/**
 * A tiny shop: the cheap items are the bestsellers, bought by the dozen by many and singly now and then (more single
 * purchases than anything else); dearer ones sell one at a time. No price rule is involved anywhere.
 */
const PRODUCTS = [
  product('cheap1', 'party', 1.25, { name: 'Party Napkins' }), product('cheap2', 'party', 0.85, { name: 'Paper Straws' }),
  product('single1', 'home', 15, { name: 'Enamel Bread Bin' }), product('single2', 'home', 18, { name: 'Cake Stand' }),
  product('dear', 'home', 25, { name: 'Wall Mirror' }), product('mumMug', 'kitchen_dining', 2.5, { name: 'Best Mum Mug' }),
  product('mumClock', 'kitchen_dining', 14, { name: 'Mum Kitchen Clock' }), product('aClock', 'kitchen_dining', 14, { name: 'Kitchen Clock' }),
];

function orders(): Order[] {
  const out: Order[] = [];
  let seq = 0;
  const buy = (customer: string, productId: string, quantity: number, day: number) =>
    out.push({ id: `o${++seq}`, customerId: customer, date: new Date(Date.UTC(2011, 5, day)).toISOString(), lines: [{ productId, quantity, unitPrice: 1 }] });
  for (let c = 0; c < 20; c++) { buy(`a${c}`, 'cheap1', 12, 1 + c); buy(`a${c}`, 'cheap2', 24, 1 + c); }
  for (let c = 0; c < 10; c++) buy(`s${c}`, 'cheap1', 1, 1 + c);
  for (let c = 0; c < 6; c++) buy(`b${c}`, 'single1', 1, 2 + c);
  for (let c = 0; c < 4; c++) buy(`d${c}`, 'single2', 1, 3 + c);
  for (let c = 0; c < 8; c++) buy(`e${c}`, 'dear', 1, 4 + c);
  for (let c = 0; c < 5; c++) buy(`m${c}`, 'mumMug', 1, 5 + c);
  for (let c = 0; c < 3; c++) { buy(`k${c}`, 'mumClock', 1, 6 + c); buy(`l${c}`, 'aClock', 1, 6 + c); }
  return out;
}

const guest = { customerId: null, personalized: false, dismissed: [] };
const ids = (items: { product: { id: string } }[]): string[] => items.map((i) => i.product.id);

describe('gift requests', () => {
  const index = RecommenderIndex.build({ products: PRODUCTS, orders: orders() });
  const item = (id: string): number => index.catalog.indexOf(id) ?? -1;

  it('counts, from the orders, which items customers buy one at a time', () => {
    expect(['single1', 'single2', 'dear', 'cheap1', 'cheap2'].map((id) => index.singleUnit.get(item(id)))).toEqual([6, 4, 8, 10, 0]);
  });

  it('picks what people buy singly near the budget over the cheap item bought by the dozen, within the budget', () => {
    const items = recommend(index, guest, { customerId: null, occasion: 'gift', budget: { max: 20 }, limit: 3 }).items;
    // cheap1 has the most single-unit purchases of all, yet sits at the bottom of what single purchases under £20 cost.
    expect(ids(items).slice(0, 2).sort()).toEqual(['single1', 'single2']);
    expect(ids(items)).not.toContain('dear');
    expect(items.every((i) => i.product.price <= 20)).toBe(true);
    expect(items[0].reason.kind).toBe('request');
    expect(items[0].reason.text).toMatch(/^Bought on its own in \d+ orders, and dearer than most single buys under £20$/);
    const count = index.singleUnit.get(item(items[0].product.id));
    expect(items[0].reason.text).toContain(`in ${count} orders`);
  });

  it('says "dearer than most" only when most single buys in the budget cost less', () => {
    const gift = giftQuery(index, { max: 20 });
    expect(gift.reason(item('single2'))).toContain('dearer than most single buys under £20');
    expect(gift.reason(item('mumMug'))).toBe('Bought on its own in 5 orders, as presents often are');
  });

  it('ranks by the same rule without a budget: the typical price money goes on, learnt from single-unit spend', () => {
    const gift = giftQuery(index);
    expect(gift.fit(item('dear'))).toBe(1);
    expect(gift.fit(item('cheap1'))).toBeLessThan(0.1);
    const first = recommend(index, guest, { customerId: null, occasion: 'gift', limit: 3 }).items[0];
    expect(first.product.id).toBe('dear');
  });

  it('treats "for my mum" as who the present is for: it ranks mum items only where they sell singly near the budget', () => {
    const constraints = buildConstraints(index.catalog, { customerId: null, occasion: 'gift', keywords: ['mum'], budget: { max: 20 } }, []);
    expect(constraints.allowed(item('single1'))).toBe(true);
    expect([...(constraints.recipientMatches?.keys() ?? [])].sort()).toEqual([item('mumMug'), item('mumClock')].sort());
    const forMum = ids(recommend(index, guest, { customerId: null, occasion: 'gift', keywords: ['mum'], budget: { max: 20 }, limit: 4 }).items);
    const forAnyone = ids(recommend(index, guest, { customerId: null, occasion: 'gift', budget: { max: 20 }, limit: 4 }).items);
    // Two £14 clocks with the same sales: naming her lifts the one that says "mum" above its twin (first by id otherwise).
    expect(forAnyone.indexOf('aClock')).toBeLessThan(forAnyone.indexOf('mumClock'));
    expect(forMum.indexOf('mumClock')).toBeGreaterThanOrEqual(0);
    expect(forMum.indexOf('mumClock')).toBeLessThan(forMum.indexOf('aClock'));
    // The £2.50 mug says "mum" too and sells singly more often, but sits at the bottom of the budget: it stays out.
    expect(forMum).not.toContain('mumMug');
    // Outside a gift request the same word still narrows the catalogue.
    const plain = buildConstraints(index.catalog, { customerId: null, keywords: ['mum'] }, []);
    expect(plain.allowed(item('single1'))).toBe(false);
  });

  it('follows new orders: an item that starts selling singly near the budget takes the lead', () => {
    const live = RecommenderIndex.build({ products: PRODUCTS, orders: orders() });
    const request = { customerId: null, occasion: 'gift', budget: { max: 20 }, limit: 3 };
    expect(ids(recommend(live, guest, request).items)).not.toContain('frame');
    live.upsertProduct(product('frame', 'home', 19, { name: 'Photo Frame' }));
    for (let c = 0; c < 12; c++) {
      live.addOrder({ id: `late${c}`, customerId: `f${c}`, date: new Date(Date.UTC(2011, 6, 1 + c)).toISOString(), lines: [{ productId: 'frame', quantity: 1, unitPrice: 19 }] });
    }
    expect(ids(recommend(live, guest, request).items)[0]).toBe('frame');
  });

  it('leaves requests that are not for a present to the bestsellers', () => {
    expect(ids(recommend(index, guest, { customerId: null, budget: { max: 20 }, limit: 3 }).items)[0]).toBe('cheap1');
  });
});

describe('budget closeness', () => {
  // Ten purchases at £1, two at £10, one at £20: £50 of single-unit spend, £30 of it at or below £10.
  const prices = new SinglePurchasePrices([{ price: 1, count: 10 }, { price: 10, count: 2 }, { price: 20, count: 1 }]);

  it('is the share of single-unit spend within the budget at or below the price', () => {
    const close = budgetCloseness(prices, { max: 10 });
    expect(close(1)).toBeCloseTo(10 / 30);
    expect(close(10)).toBe(1);
    expect(close(5)).toBeCloseTo(10 / 30);
  });

  it('without a ceiling, reaches 1 where half the single-unit spend is reached', () => {
    const close = budgetCloseness(prices, {});
    expect(close(1)).toBeCloseTo(10 / 25);
    expect(close(10)).toBe(1);
    expect(close(20)).toBe(1);
  });

  it('counts a stated range as close throughout, and an empty shop as neutral', () => {
    expect(budgetCloseness(prices, { min: 8, max: 12 })(9)).toBe(1);
    expect(budgetCloseness(new SinglePurchasePrices([]), { max: 20 })(3)).toBe(1);
  });
});

describe('charge lines', () => {
  it('a delivery charge bought on its own in many orders is never suggested, as a present or otherwise', () => {
    const carriage = product('carriage', 'other', 15, { name: 'Next Day Carriage' });
    const extra: Order[] = Array.from({ length: 30 }, (_, c) => ({
      id: `c${c}`, customerId: `p${c}`, date: new Date(Date.UTC(2011, 5, 1 + (c % 28))).toISOString(), lines: [{ productId: 'carriage', quantity: 1, unitPrice: 15 }],
    }));
    const index = RecommenderIndex.build({ products: [...PRODUCTS, carriage], orders: [...orders(), ...extra] });
    expect(index.singleUnit.get(index.catalog.indexOf('carriage') ?? -1)).toBe(30);
    for (const request of [{ occasion: 'gift', budget: { max: 20 } }, {}, { categories: ['other'] }]) {
      const items = recommend(index, guest, { customerId: null, limit: 10, ...request }).items;
      expect(ids(items)).not.toContain('carriage');
    }
  });
});

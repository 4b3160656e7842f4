import type { Order } from '../../../domain/model';
import { seededRandom } from '../../../domain/random';
import { DEFAULT_BLEND_FIT, splitAtWindow } from '../../../recommender/ranking/blendFit';
import { explainBlend } from '../../../recommender/ranking/blendExplain';
import { DEFAULT_INDEX_OPTIONS, RecommenderIndex } from '../../../recommender/ranking/recommenderIndex';
import { product } from './fixtures';

/**
 * Two synthetic shops with the same catalogue (6 families of 12 items, each customer loyal to one family):
 * in one, customers re-buy their own three favourites every time; in the other, nobody buys an item twice, they
 * only move on to more of their family. The fit must find that out from the orders alone.
 */
const PRODUCTS = Array.from({ length: 72 }, (_, i) => product(`p${i}`, 'other', 1 + (i % 7)));

function shop(rebuy: boolean): Order[] {
  const next = seededRandom(11);
  const orders: Order[] = [];
  for (let c = 0; c < 90; c++) {
    const family = c % 6;
    const items = Array.from({ length: 12 }, (_, k) => family * 12 + k).sort(() => next() - 0.5);
    const favourites = items.slice(0, 3);
    let unseen = items.slice(3);
    for (let visit = 0; visit < 5; visit++) {
      const day = 1 + Math.floor(next() * 20) + visit * 25;
      let basket: number[];
      if (rebuy) basket = favourites;
      else { basket = unseen.slice(0, 2); unseen = unseen.slice(2); }
      if (basket.length === 0) continue;
      const date = new Date(Date.UTC(2011, 0, day)).toISOString();
      orders.push({ id: `${c}-${visit}`, customerId: `c${c}`, date, lines: basket.map((i) => ({ productId: `p${i}`, quantity: 1, unitPrice: 1 })) });
    }
  }
  return orders;
}

const options = { ...DEFAULT_INDEX_OPTIONS, blend: { ...DEFAULT_BLEND_FIT, windowDays: 30 } };

describe('weights learnt from the shop\'s own recent weeks', () => {
  it('splits the orders at the start of the window before the latest order', () => {
    const orders = shop(true);
    const { before, window, start, end } = splitAtWindow(orders, 30);
    expect(before.length + window.length).toBe(orders.length);
    expect(end).toBe(Math.max(...orders.map((o) => Date.parse(o.date))));
    expect(start).toBe(end - 30 * 86_400_000);
    expect(before.every((o) => Date.parse(o.date) < start) && window.every((o) => Date.parse(o.date) >= start)).toBe(true);
  });

  it('gives re-buys the lead where customers re-buy', () => {
    const blend = RecommenderIndex.build({ products: PRODUCTS, orders: shop(true), options }).learntBlend;
    expect(blend).not.toBeNull();
    expect(blend?.weights.repeat).toBe(1);
    // --explain names the strongest signal first, in words, with the validation window's dates.
    const firstSignal = explainBlend(blend ?? null).split('\n')[3];
    expect(firstSignal).toMatch(/items the customer bought before/);
    expect(explainBlend(blend ?? null)).toContain('2011-');
  });

  it('gives re-buys about nothing where nobody buys an item twice, and beats the default blend there', () => {
    const blend = RecommenderIndex.build({ products: PRODUCTS, orders: shop(false), options }).learntBlend;
    expect(blend).not.toBeNull();
    expect(blend?.weights.repeat ?? 1).toBeLessThan(0.05);
    expect(blend?.learnt.all ?? 0).toBeGreaterThan(blend?.defaults.all ?? 1);
  });

  it('bags of customers fitted apart and averaged still find each shop\'s habit', () => {
    const bagged = { ...options, blend: { ...options.blend, bags: 3 } };
    const rebuy = RecommenderIndex.build({ products: PRODUCTS, orders: shop(true), options: bagged }).learntBlend;
    const explore = RecommenderIndex.build({ products: PRODUCTS, orders: shop(false), options: bagged }).learntBlend;
    expect(rebuy?.weights.repeat).toBe(1);
    expect(explore?.weights.repeat ?? 1).toBeLessThan(0.05);
    expect(explore?.learnt.all ?? 0).toBeGreaterThan(explore?.defaults.all ?? 1);
    // Every window customer is scored once, across the bags.
    expect(rebuy?.customers).toBe(RecommenderIndex.build({ products: PRODUCTS, orders: shop(true), options }).learntBlend?.customers);
  });

  it('keeps the default weights when too few customers buy in the window', () => {
    const orders = shop(true).filter((o) => Number(o.customerId.slice(1)) < 20);
    expect(RecommenderIndex.build({ products: PRODUCTS, orders, options }).learntBlend).toBeNull();
    expect(explainBlend(null)).toMatch(/default weights serve/);
  });

  it('serves exactly what a build without the fit serves when the weights are not used', () => {
    const orders = shop(false);
    const fitted = RecommenderIndex.build({ products: PRODUCTS, orders, options });
    const plain = RecommenderIndex.build({ products: PRODUCTS, orders, options: { ...options, blend: null } });
    expect(plain.learntBlend).toBeNull();
    expect(fitted.popularity.top()).toEqual(plain.popularity.top());
    expect([...(fitted.history('c7')?.items.keys() ?? [])].sort()).toEqual([...(plain.history('c7')?.items.keys() ?? [])].sort());
  });
});

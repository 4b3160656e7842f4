/**
 * Momentum: orders per day over the last weeks (tau 14) minus over the baseline (tau 84), read at the latest order,
 * checked against the plain sum over each item's order dates; and the repeat_momentum signal built on it.
 */
import type { Order, Product } from '../../../domain/model';
import { DAY_MS, recencyGrowth } from '../../../recommender/ranking/decay';
import { momentum, PopularityCounter } from '../../../recommender/ranking/popularity';
import { explain } from '../../../recommender/ranking/recommend';
import { DEFAULT_INDEX_OPTIONS, RecommenderIndex, type IndexOptions } from '../../../recommender/ranking/recommenderIndex';
import { scoreItems } from '../../../recommender/ranking/scoring';
import { DEFAULT_SCORING, SIGNALS, type ScoringParameters, type SignalWeights } from '../../../recommender/ranking/types';
import { context, order, product } from './fixtures';

const FAST = 14;
const SLOW = 84;
const OPTIONS: IndexOptions = { ...DEFAULT_INDEX_OPTIONS, ease: null, trendTauDays: FAST, momentumBaselineDays: SLOW };

/** `days` after the start date, as YYYY-MM-DD. */
function day(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Decayed orders per day at `now`: sum of exp(-age / tau), divided by tau. */
function rate(times: readonly number[], now: number, tauDays: number): number {
  return times.reduce((sum, t) => sum + Math.exp(-(now - t) / (tauDays * DAY_MS)), 0) / tauDays;
}

const rise = (times: readonly number[], now: number): number => rate(times, now, FAST) - rate(times, now, SLOW);

/** The times of the orders holding `productId` (one count per order, as the index keeps them). */
function orderTimes(orders: readonly Order[], productId: string): number[] {
  return orders.filter((o) => o.lines.some((line) => line.productId === productId)).map((o) => Date.parse(o.date));
}

describe('momentum()', () => {
  const now = Date.parse('2011-11-30T10:00:00.000Z');
  const at = (days: number): number => now - days * DAY_MS;
  // 0: every day for a year; 1: every day of the last week only; 2: every day of January to March only.
  const times: number[][] = [
    Array.from({ length: 365 }, (_, k) => at(k)),
    Array.from({ length: 7 }, (_, k) => at(k)),
    Array.from({ length: 90 }, (_, k) => at(240 + k)),
  ];
  const fast = new PopularityCounter();
  const slow = new PopularityCounter();
  times.forEach((list, item) => list.forEach((t) => {
    fast.add(item, recencyGrowth(t, FAST));
    slow.add(item, recencyGrowth(t, SLOW));
  }));
  const result = momentum(fast, FAST, slow, SLOW, now, 4);

  it('equals the recent rate minus the baseline rate for rising items and drops the others', () => {
    expect(result.get(0)).toBeCloseTo(rise(times[0], now), 10);
    expect(result.get(1)).toBeCloseTo(rise(times[1], now), 10);
    expect(rise(times[2], now)).toBeLessThan(0);
    expect(result.get(2)).toBe(0);
    expect(result.get(3)).toBe(0);
    expect(result.top()).toEqual([1, 0]);
  });

  it('sees almost no rise in a steady seller and a large one in a week-old burst', () => {
    // One order a day all year: both rates are about 1 a day; the week's burst sells at 1 a day against almost nothing.
    expect(result.get(0)).toBeLessThan(0.05);
    expect(result.get(1)).toBeGreaterThan(0.3);
  });
});

describe('RecommenderIndex.momentum', () => {
  const products = ['steady', 'rising', 'old'].map((id) => product(id, 'giftware', 5));
  const all: Order[] = [
    ...Array.from({ length: 26 }, (_, k) => order(`w${k}`, day('2011-06-01', 7 * k), ['steady'])),
    ...Array.from({ length: 6 }, (_, k) => order(`r${k}`, day('2011-11-25', k), ['rising'])),
    ...Array.from({ length: 8 }, (_, k) => order(`o${k}`, day('2011-01-03', 7 * k), ['old'])),
  ];
  const values = (index: RecommenderIndex): number[] => products.map((p) => index.momentum()?.get(index.catalog.indexOf(p.id) ?? -1) ?? Number.NaN);

  it('reads the rates at the latest order and keeps only rising items', () => {
    const index = RecommenderIndex.build({ products, orders: all, options: OPTIONS });
    const now = index.latestTime;
    expect(now).toBe(Date.parse('2011-11-30T10:00:00.000Z'));
    const expected = products.map((p) => Math.max(0, rise(orderTimes(all, p.id), now)));
    expect(expected[1]).toBeGreaterThan(0);
    expect(expected[2]).toBe(0);
    values(index).forEach((value, k) => expect(value).toBeCloseTo(expected[k], 10));
  });

  it('is null without a baseline or before any order', () => {
    expect(RecommenderIndex.build({ products, orders: all, options: { ...OPTIONS, momentumBaselineDays: null } }).momentum()).toBeNull();
    expect(RecommenderIndex.build({ products, orders: [], options: OPTIONS }).momentum()).toBeNull();
  });

  it('is recomputed after addOrder and then equals a rebuilt index', () => {
    const late = Array.from({ length: 5 }, (_, k) => order(`late${k}`, day('2011-12-03', k), ['old']));
    const index = RecommenderIndex.build({ products, orders: all, options: OPTIONS });
    const before = values(index); // computed and cached
    for (const o of late) index.addOrder(o);
    const after = values(index);
    expect(after).toEqual(values(RecommenderIndex.build({ products, orders: [...all, ...late], options: OPTIONS })));
    // The old item sells again in December: it rises, and a week later the November burst has cooled.
    expect(before[2]).toBe(0);
    expect(after[2]).toBeGreaterThan(0);
    expect(after[1]).toBeLessThan(before[1]);
  });
});

describe('repeat_momentum signal', () => {
  // amy bought 'evergreen' and 'seasonal' together twice; others buy 'evergreen' weekly, 'seasonal' and 'hot' in the last days.
  const products: Product[] = ['evergreen', 'seasonal', 'hot'].map((id) => product(id, 'giftware', 5));
  const orders: Order[] = [
    order('amy', '2011-09-01', ['evergreen', 'seasonal']),
    order('amy', '2011-10-01', ['evergreen', 'seasonal']),
    ...Array.from({ length: 26 }, (_, k) => order(`w${k}`, day('2011-05-28', 7 * k), ['evergreen'])),
    ...Array.from({ length: 4 }, (_, k) => order(`r${k}`, day('2011-11-27', k), ['seasonal'])),
    ...Array.from({ length: 14 }, (_, k) => order(`h${k}`, day('2011-11-24', k >> 1), ['hot'])),
  ];
  const index = RecommenderIndex.build({ products, orders, options: OPTIONS });
  const now = index.latestTime;
  const rises = new Map(products.map((p) => [p.id, Math.max(0, rise(orderTimes(orders, p.id), now))]));
  const largest = Math.max(...rises.values());
  const weightsOf = (repeat: number, repeatMomentum: number): SignalWeights =>
    Object.fromEntries(SIGNALS.map((s) => [s, s === 'repeat' ? repeat : s === 'repeat_momentum' ? repeatMomentum : 0])) as SignalWeights;
  // Repeat rates off, so both of amy's items (two orders each, same dates) have the same repeat strength.
  const paramsWith = (repeat: number, repeatMomentum: number): ScoringParameters =>
    ({ ...DEFAULT_SCORING, weights: weightsOf(repeat, repeatMomentum), repeatRateExponent: 0 });

  function signal(params: ScoringParameters, personalized = true): Map<string, number> {
    const scored = scoreItems(index, context('amy', { personalized }), { allowed: () => true }, params);
    return new Map(scored.board.items.map((item, row) => [index.catalog.idOf(item), scored.board.value(row, 'repeat_momentum')]));
  }

  function ranking(params: ScoringParameters): string[] {
    const scored = scoreItems(index, context('amy'), { allowed: () => true }, params);
    return scored.ranked.map((row) => index.catalog.idOf(scored.board.items[row]));
  }

  it('goes only to the customer’s own items, as weight * rise / the shop’s largest rise', () => {
    expect(largest).toBe(rises.get('hot'));
    expect(rises.get('seasonal') ?? 0).toBeGreaterThan(rises.get('evergreen') ?? 0);
    const values = signal(paramsWith(0, 0.4));
    expect(values.get('hot')).toBe(0); // on the board (trending), the fastest riser, never bought by amy
    expect(values.get('seasonal')).toBeCloseTo((0.4 * (rises.get('seasonal') ?? 0)) / largest, 10);
    expect(values.get('evergreen')).toBeCloseTo((0.4 * (rises.get('evergreen') ?? 0)) / largest, 10);
    expect([...signal(paramsWith(0, 0.4), false).values()].every((v) => v === 0)).toBe(true);
  });

  it('lifts a rising own item above an equally bought steady one', () => {
    expect(ranking(paramsWith(1, 0))).toEqual(['evergreen', 'seasonal']); // without momentum: a tie, by id
    expect(ranking(paramsWith(1, 0.4))).toEqual(['seasonal', 'evergreen']);
    const scored = scoreItems(index, context('amy'), { allowed: () => true }, paramsWith(1, 0.4));
    const total = (id: string): number => scored.totals[scored.board.items.indexOf(index.catalog.indexOf(id) ?? -1)];
    expect(total('seasonal') - total('evergreen')).toBeCloseTo((0.4 * ((rises.get('seasonal') ?? 0) - (rises.get('evergreen') ?? 0))) / largest, 10);
    expect(total('seasonal')).toBeGreaterThan(total('evergreen'));
  });

  it('explains itself when it is the top signal, and only then', () => {
    expect(explain(index, context('amy'), 'seasonal', paramsWith(0, 1))).toEqual({ kind: 'repeat', text: "You bought this before, and it's selling fast right now" });
    expect(explain(index, context('amy'), 'hot', paramsWith(0, 1))).toBeNull();
    expect(explain(index, context('amy'), 'seasonal', paramsWith(1, 0.4))).toEqual({ kind: 'repeat', text: "You've bought this 2 times" });
  });
});

/**
 * Things asked for by name: "hot water bottles" means the items whose names hold every word (when there are enough
 * of them), all of them if need be from one category, not a bestselling "Hot Pink" mirror; words that no item holds
 * together ("a mug and a candle") each still count. A colour and an age group narrow as a name does.
 */
import type { Order } from '../../../domain/model';
import { recommend } from '../../../recommender/ranking/recommend';
import { RecommenderIndex } from '../../../recommender/ranking/recommenderIndex';
import { product, repeatedOrders } from './fixtures';

const PRODUCTS = [
  ...['Keep Calm', 'Chocolate', 'Union Jack', 'Love', 'Scottie Dog'].map((design, n) => product(`hwb${n}`, 'home_decor', 4.95, { name: `${design} Hot Water Bottle` })),
  product('mirror', 'home_decor', 2.1, { name: 'Folding Mirror Hot Pink' }),
  product('tattoo', 'party', 0.85, { name: 'Skulls Water Transfer Tattoos' }),
  product('milk', 'kitchen_dining', 3.75, { name: 'School Milk Bottles in Crate' }),
  product('mug', 'kitchen_dining', 2.5, { name: 'Spotty Mug' }),
  product('candle', 'candles_lighting', 1.5, { name: 'Pillar Candle' }),
  product('kite', 'toys_games', 3, { name: 'Kids Pink Kite' }), product('drum', 'toys_games', 4, { name: 'Pink Childrens Drum' }),
  product('piano', 'toys_games', 5, { name: 'Pink Toy Piano' }), product('blueKite', 'toys_games', 3, { name: 'Kids Blue Kite' }),
];

/** The partial matches sell far more than any hot water bottle. */
const orders = (): Order[] => PRODUCTS.flatMap((p) => repeatedOrders(p.id, p.id.startsWith('hwb') ? 2 : 40));

const guest = { customerId: null, personalized: false, dismissed: [] };
const ids = (items: { product: { id: string } }[]): string[] => items.map((i) => i.product.id).sort();

describe('things asked for by name', () => {
  const index = RecommenderIndex.build({ products: PRODUCTS, orders: orders() });

  it('"hot water bottles": all five, though they share one category and the partial matches sell more', () => {
    const { items } = recommend(index, guest, { customerId: null, keywords: ['hot', 'water', 'bottles'], limit: 5 });
    expect(ids(items)).toEqual(['hwb0', 'hwb1', 'hwb2', 'hwb3', 'hwb4']);
  });

  it('"a mug and a candle": no item holds both words, so each counts', () => {
    const { items } = recommend(index, guest, { customerId: null, keywords: ['mug', 'candle'], limit: 5 });
    expect(ids(items)).toEqual(['candle', 'mug']);
  });

  it('a pink toy for a child: all three, though they share one category', () => {
    const { items } = recommend(index, guest, { customerId: null, audience: 'child', colours: ['pink'], limit: 5 });
    expect(ids(items)).toEqual(['drum', 'kite', 'piano']);
  });
});

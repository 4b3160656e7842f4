/**
 * A present for a child or a baby is chosen among items whose names say they are made for them: not the shop's
 * adult bestsellers, not the rest of a "toys & games" category (sewing boxes), not a dog's toy or a "baby pink" pen.
 */
import type { Order } from '../../../domain/model';
import { recommend } from '../../../recommender/ranking/recommend';
import { RecommenderIndex } from '../../../recommender/ranking/recommenderIndex';
import { product, repeatedOrders } from './fixtures';

const PRODUCTS = [
  product('stand', 'home_decor', 12, { name: 'Regency Cakestand 3 Tier' }),
  product('bin', 'kitchen_dining', 9, { name: 'Bread Bin Diner Style' }),
  product('sewing', 'toys_games', 8, { name: 'Victorian Sewing Box' }),
  product('umbrella', 'bags', 3.25, { name: 'Red Retrospot Childrens Umbrella' }),
  product('breakfast', 'kitchen_dining', 9.95, { name: 'Childs Breakfast Set Spaceboy' }),
  product('robot', 'toys_games', 6.95, { name: 'Mr Robot Soft Toy' }),
  product('mac', 'bags', 0.85, { name: 'Kids Rain Mac Blue' }),
  product('dogToy', 'toys_games', 3.75, { name: 'Dog Toy with Pink Crochet Skirt' }),
  product('babySet', 'toys_games', 16.95, { name: 'Spaceboy Baby Gift Set' }),
  product('pen', 'stationery', 0.42, { name: 'Lipstick Pen Baby Pink' }),
  product('xmasKid', 'christmas', 2.5, { name: 'Christmas Kids Stocking' }),
  product('bauble', 'christmas', 1.25, { name: 'Christmas Bauble' }),
];

/** The adult items are the bestsellers by far, singly and by the dozen, so nothing but the request keeps them out. */
const ADULT_BESTSELLERS = ['stand', 'bin', 'sewing', 'pen', 'dogToy', 'bauble'];
const orders = (): Order[] => PRODUCTS.flatMap((p) => repeatedOrders(p.id, ADULT_BESTSELLERS.includes(p.id) ? 30 : 3));

const guest = { customerId: null, personalized: false, dismissed: [] };
const ids = (items: { product: { id: string } }[]): string[] => items.map((i) => i.product.id).sort();

describe('presents for an age group', () => {
  const index = RecommenderIndex.build({ products: PRODUCTS, orders: orders() });

  it('a child\'s present: only items named for children, none of the bestsellers, sewing boxes or dog toys', () => {
    const { items } = recommend(index, guest, { customerId: null, occasion: 'gift', audience: 'child', limit: 10 });
    expect(ids(items)).toEqual(['breakfast', 'mac', 'robot', 'umbrella', 'xmasKid'].sort());
  });

  it('without the age group the same request leads with the bestsellers (the audience is what changes the list)', () => {
    const { items } = recommend(index, guest, { customerId: null, occasion: 'gift', limit: 3 });
    expect(ids(items).some((id) => ADULT_BESTSELLERS.includes(id))).toBe(true);
  });

  it('a baby\'s present: baby goods, not a "baby pink" pen', () => {
    const { items } = recommend(index, guest, { customerId: null, occasion: 'gift', audience: 'baby', limit: 10 });
    expect(ids(items)).toEqual(['babySet']);
  });

  it('keeps the rest of the request: a child\'s Christmas present is both', () => {
    const { items } = recommend(index, guest, { customerId: null, occasion: 'christmas', audience: 'child', limit: 10 });
    expect(ids(items)).toEqual(['xmasKid']);
  });

  it('keeps the budget', () => {
    const { items } = recommend(index, guest, { customerId: null, occasion: 'gift', audience: 'child', budget: { max: 4 }, limit: 10 });
    expect(ids(items)).toEqual(['mac', 'umbrella', 'xmasKid'].sort());
  });
});

/**
 * Topping up a round that found too little (dialogs/suggestions/widen.ts), on a real index: a colour goes first (a
 * mug in another colour is closer than a green anything), a child's present stays a child's, and the note says what
 * was added.
 */
import type { Order, Product } from '../../../domain/model';
import { widenedRound, type Suggest } from '../../../dialogs/suggestions/widen';
import { recommend } from '../../../recommender/ranking/recommend';
import { RecommenderIndex } from '../../../recommender/ranking/recommenderIndex';

const item = (id: string, name: string, category: string, price: number): Product => ({ id, name, category, price, currency: 'GBP', tags: [], inStock: true });

const PRODUCTS = [
  item('greenMug', 'Green Spotty Mug', 'kitchen_dining', 3), item('pinkMug', 'Pink Spotty Mug', 'kitchen_dining', 3),
  item('blueMug', 'Blue Flower Mug', 'kitchen_dining', 4), item('greenClock', 'Alarm Clock Green', 'home_decor', 4),
  item('greenTin', 'Cake Tin Green', 'kitchen_dining', 5), item('kidsMug', 'Childrens Spaceboy Mug', 'kitchen_dining', 1.65),
  item('soft', 'Mr Robot Soft Toy', 'toys_games', 6.95), item('mac', 'Kids Rain Mac', 'bags', 0.85),
  item('bauble', 'Christmas Bauble', 'christmas', 1.25), item('tree', 'Christmas Tree Decoration', 'christmas', 2),
];

function orders(): Order[] {
  return PRODUCTS.flatMap((p, n) => Array.from({ length: 3 + n }, (_, c) => ({
    id: `o${n}-${c}`, customerId: `c${n}-${c}`, date: new Date(Date.UTC(2011, 5, 1 + c)).toISOString(),
    lines: [{ productId: p.id, quantity: 1, unitPrice: p.price }],
  })));
}

const index = RecommenderIndex.build({ products: PRODUCTS, orders: orders() });
const suggest: Suggest = async (request, limit) => recommend(index, { customerId: null, personalized: false, dismissed: [] }, { customerId: null, ...request, limit });
const names = (round: { items: { product: { id: string } }[] }): string[] => round.items.map((s) => s.product.id);

describe('a round topped up from wider requests', () => {
  it('shows the green mug first, then other mugs (the colour is dropped before the word), and says so', async () => {
    const round = await widenedRound({ keywords: ['mug'], colours: ['green'] }, 4, suggest);
    const shown = names(round);
    expect(shown[0]).toBe('greenMug');
    // Other mugs come next: a mug in another colour is closer than a green anything.
    expect(shown.slice(1, 3).every((id) => /mug$/i.test(id))).toBe(true);
    expect(round.note).toBe('Only 1 matched "green mug", so I\'ve added other ideas.');
    expect(round.spokenNote).toBeNull(); // the first item is what was asked for
  });

  it('meets a colour-only request without a note', async () => {
    const round = await widenedRound({ colours: ['green'] }, 5, suggest);
    expect(names(round).sort()).toEqual(['greenClock', 'greenMug', 'greenTin']);
    expect(round.note).toBeNull();
  });

  it('tops up a child\'s Christmas present with other children\'s presents, never adult ones, and says so', async () => {
    const round = await widenedRound({ occasion: 'christmas', audience: 'child' }, 5, suggest);
    expect(names(round).sort()).toEqual(['kidsMug', 'mac', 'soft']);
    expect(round.note).toBe('Nothing for children matched "christmas", so I\'ve added other gift ideas for children.');
    // By voice too the listener hears that nothing matched, briefly.
    expect(round.spokenNote).toBe('No exact match. Other ideas:');
  });

  it('keeps a themed day for adults as it was: Christmas items only', async () => {
    const round = await widenedRound({ occasion: 'christmas' }, 5, suggest);
    expect(names(round).sort()).toEqual(['bauble', 'tree']);
  });
});

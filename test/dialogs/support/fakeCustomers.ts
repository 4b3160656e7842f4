/** Two demo customers and a small catalogue shared by the in-memory service fakes. */
import type { Product } from '../../../domain/model';
import type { CustomerProfile } from '../../../services/ports';

export interface FakeCustomer {
  profile: CustomerProfile;
  email: string;
  postcode: string;
  orderNumbers: string[];
}

const consent = (personalization: boolean) => ({ marketing: true, personalization, updatedAt: '2026-01-01T00:00:00Z' });

export function demoCustomers(): FakeCustomer[] {
  return [
    {
      email: 'ada@example.com', postcode: 'E1 6AN', orderNumbers: ['536365'],
      profile: {
        customerId: 'c-ada', displayName: 'Ada', country: 'United Kingdom',
        segment: { primary: 'champions', rfmLabel: 'champions', persona: 'loyal_enthusiast' },
        persona: { id: 'loyal_enthusiast', name: 'Loyal enthusiast', description: 'Buys often', tone: 'warm', strategy: 'nurture' },
        preferences: { categories: ['candles_lighting'], priceBand: 'mid', values: [] },
        consent: consent(true),
      },
    },
    {
      email: 'bob@example.com', postcode: 'M1 1AA', orderNumbers: ['540001'],
      profile: {
        customerId: 'c-bob', displayName: 'Bob', country: 'United Kingdom',
        segment: { primary: 'hibernating', rfmLabel: 'hibernating', persona: 'lapsed' },
        persona: { id: 'lapsed', name: 'Lapsed', description: 'Has not bought lately', tone: 'respectful', strategy: 'value' },
        preferences: { categories: [], values: [] },
        consent: consent(false),
      },
    },
  ];
}

const product = (id: string, name: string, category: string, price: number, tags: string[] = []): Product => ({
  id, name, category, price, currency: 'GBP', tags, inStock: id !== '22-out',
});

export const CATALOGUE: readonly Product[] = [
  product('21733', 'Red Hanging Heart T-Light Holder', 'candles_lighting', 2.95, ['heart']),
  product('23145', 'Zinc Star Lantern', 'candles_lighting', 12.5, ['lantern']),
  product('23146', 'Moroccan Glass Lantern', 'candles_lighting', 8.25, ['lantern']),
  product('22-out', 'Scented Candle Trio', 'candles_lighting', 6.5, ['candle']),
  product('22112', 'Chocolate Hot Water Bottle', 'home_decor', 4.95, ['gift']),
  product('22086', 'Paper Chain Kit Christmas', 'christmas', 2.95, ['christmas']),
  product('22910', 'Christmas Bauble Set', 'christmas', 15, ['christmas']),
  product('37370', 'Retro Coffee Mug', 'kitchen_dining', 1.25, ['mug']),
  product('22720', 'Set Of 3 Cake Tins', 'kitchen_dining', 18.5, ['cake', 'tin']),
  product('20725', 'Lunch Bag Red Spotty', 'bags', 1.65, ['bag']),
  product('85099', 'Jumbo Bag Red Retrospot', 'bags', 2.08, ['bag']),
  product('47566', 'Party Bunting', 'party', 4.65, ['bunting']),
];

/** Words the recognizer should know as product keywords (what the composition root derives from the catalogue). */
export const CATALOGUE_KEYWORDS = ['lantern', 'heart', 'candle', 'mug', 'bag', 'bunting', 'bauble', 'tin', 'bottle'];

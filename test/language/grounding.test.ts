import { checkGrounding, type GroundingItem } from '../../language/grounding';

const ITEMS: GroundingItem[] = [
  { name: 'White Hanging Heart T-Light Holder', price: 2.95, currency: 'GBP' },
  { name: 'Regency Cakestand 3 Tier', price: 12.75, currency: 'GBP' },
];
const CATALOGUE = new Set(['white hanging heart t-light holder', 'regency cakestand 3 tier', 'jumbo bag red retrospot']);

describe('checkGrounding', () => {
  test.each<[string, string]>([
    ['exact names and prices', 'The White Hanging Heart T-Light Holder is a favourite at £2.95, or treat them to the Regency Cakestand 3 Tier for £12.75.'],
    ['a name without a price', 'How about the Regency Cakestand 3 Tier? It suits afternoon tea.'],
    ['a price written in words of currency', 'The White Hanging Heart T-Light Holder costs just 2.95 pounds.'],
    ['a quoted item name', 'You might like the "Regency Cakestand 3 Tier".'],
  ])('accepts %s', (_case, text) => {
    expect(checkGrounding(text, ITEMS, CATALOGUE)).toEqual({ grounded: true });
  });

  test.each<[string, string, RegExp]>([
    ['an invented price', 'The White Hanging Heart T-Light Holder is only £1.99 today!', /price 1\.99/],
    ['a price in the wrong currency', 'The Regency Cakestand 3 Tier for $12.75.', /price 12\.75 USD/],
    ['pence that match nothing', 'The White Hanging Heart T-Light Holder for 95p.', /price 0\.95/],
    ['a catalogue product that was not suggested', 'Try the Jumbo Bag Red Retrospot or the Regency Cakestand 3 Tier.', /jumbo bag red retrospot/],
    ['an invented quoted product', 'Why not the "Golden Swan Lamp"? Or the Regency Cakestand 3 Tier.', /Golden Swan Lamp/],
    ['no suggested item at all', 'We have lovely things for everyone!', /none of the suggested/],
    ['a link', 'See the Regency Cakestand 3 Tier at https://evil.example', /link/],
    ['an empty reply', '  ', /empty/],
  ])('rejects %s', (_case, text, problem) => {
    const verdict = checkGrounding(text, ITEMS, CATALOGUE);
    expect(verdict.grounded).toBe(false);
    if (!verdict.grounded) expect(verdict.problem).toMatch(problem);
  });
});

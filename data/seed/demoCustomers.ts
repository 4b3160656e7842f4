/**
 * Well-known demo customers: real purchase histories from the Online Retail data with fixed, memorable
 * (and still fake) contact details, so the README, demos and tests can identify them. Listed in README.md.
 */
export interface DemoCustomer {
  id: string;
  displayName: string;
  email: string;
  postcode: string;
  about: string;
}

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  { id: '14741', displayName: 'Alice Morgan', email: 'alice.morgan@example.com', postcode: 'BS1 4DJ', about: 'UK shopper, 6 orders: candles, kitchen, home decor' },
  { id: '16210', displayName: 'Priya Shah', email: 'priya.shah@example.com', postcode: 'M1 1AE', about: 'UK gift-shop owner buying wholesale, 17 orders' },
  { id: '12662', displayName: 'Jonas Becker', email: 'jonas.becker@example.com', postcode: '10115', about: 'Germany, 11 orders: toys, bags, storage' },
];

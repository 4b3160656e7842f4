/** The committed demo seed: what the bot starts from, and the demo customers the README promises. */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type OpenedStore } from '../../data/openStore';
import { DEMO_CUSTOMERS } from '../../data/seed/demoCustomers';
import { DEFAULT_SEED_PATH, readSeedFile } from '../../data/seedFile';

const README = readFileSync(join(__dirname, '..', '..', 'data', 'seed', 'README.md'), 'utf8');

describe('committed seed', () => {
  it('holds the whole catalogue and ~300 consistent, clearly synthetic customers', async () => {
    const seed = await readSeedFile(DEFAULT_SEED_PATH);
    expect(seed.products).toHaveLength(3659);
    expect(seed.customers).toHaveLength(300);
    expect(new Set(seed.customers.map((c) => c.country)).size).toBeGreaterThan(10);
    expect(seed.customers.filter((c) => c.isBusiness).length).toBeGreaterThan(30);
    expect(seed.customers.every((c) => c.demo === true && c.email.endsWith('@example.com'))).toBe(true);
    const productIds = new Set(seed.products.map((p) => p.id));
    const customerIds = new Set(seed.customers.map((c) => c.id));
    expect(seed.orders.every((o) => customerIds.has(o.customerId) && o.lines.every((l) => productIds.has(l.productId)))).toBe(true);
    const lastOrder = seed.orders.reduce((max, o) => (o.date > max ? o.date : max), '');
    expect(lastOrder.slice(0, 10)).toBe('2026-11-20');
  });

  describe('demo customers', () => {
    let store: OpenedStore;
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'seed-test-'));
      store = await openStore({ path: join(dir, 'store.json'), seed: DEFAULT_SEED_PATH });
    });
    afterAll(async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    });

    it.each(DEMO_CUSTOMERS.map((d) => [d.email, d]))('%s is in the README and identifiable by email and postcode', async (_email, demo) => {
      expect(README).toContain(`| ${demo.id} | ${demo.displayName} | ${demo.email} | ${demo.postcode} |`);
      const found = await store.repositories.customers.findByEmail(demo.email.toUpperCase());
      expect(found).toMatchObject({ id: demo.id, displayName: demo.displayName, postcode: demo.postcode });
      const orders = await store.repositories.orders.forCustomer(demo.id);
      expect(orders.length).toBeGreaterThan(0);
      const listedOrder = README.split('\n').find((line) => line.startsWith(`| ${demo.id} |`))?.split('|')[5].trim().split(' ')[0];
      expect(orders.map((o) => o.id)).toContain(listedOrder);
    });
  });
});

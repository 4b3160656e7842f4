/**
 * Gift requests through the running bot on the seed shop: the first suggestions are not cheap fillers, measured against
 * what this shop's customers pay for things they buy one at a time (computed here from the seed, not a fixed price).
 */
import { DEFAULT_SEED_PATH, readSeedFile } from '../../data/seedFile';
import { signIdentity } from '../../services/identityToken';
import { say, startApp, TEST_IDENTITY_SECRET, type ReplyActivity, type RunningApp } from '../support/app';

const ALICE = '14741';
const PRIYA = '16210';

interface Shown { name: string; price: number; reason: string }

function cards(replies: ReplyActivity[]): Shown[] {
  const shown: Shown[] = [];
  for (const reply of replies) {
    for (const attachment of reply.attachments ?? []) {
      const text = (attachment.content as { fallbackText?: string } | undefined)?.fallbackText ?? '';
      const match = /^(.*), £(\d+(?:\.\d+)?)\. (.*)$/.exec(text);
      if (match) shown.push({ name: match[1], price: Number(match[2]), reason: match[3] });
    }
  }
  return shown;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The price below which `share` of the seed's single-unit purchases priced at most `max` fall. */
async function singleUnitQuantile(share: number, max = Number.POSITIVE_INFINITY): Promise<number> {
  const seed = await readSeedFile(DEFAULT_SEED_PATH);
  const price = new Map(seed.products.map((p) => [p.id, p.price]));
  const paid: number[] = [];
  for (const order of seed.orders) {
    const units = new Map<string, number>();
    for (const line of order.lines) units.set(line.productId, (units.get(line.productId) ?? 0) + line.quantity);
    for (const [id, count] of units) {
      const p = price.get(id);
      if (count === 1 && p !== undefined && p <= max) paid.push(p);
    }
  }
  paid.sort((a, b) => a - b);
  return paid[Math.floor(paid.length * share)];
}

describe('gift requests in the running bot', () => {
  let running: RunningApp;
  beforeAll(async () => { running = await startApp(); }, 120_000);
  afterAll(async () => { await running?.app.close(); });

  const ask = async (conversation: string, text: string, customerId?: string): Promise<Shown[]> => {
    const extra = customerId ? { channelData: { identity: signIdentity(customerId, TEST_IDENTITY_SECRET, 300) } } : {};
    const shown = cards(await say(running.url, conversation, text, extra));
    process.stdout.write(`${customerId ?? 'guest'} "${text}": ${shown.map((s) => `${s.name} £${s.price}`).join('; ')}\n`);
    return shown;
  };

  it.each([
    ['a guest', undefined],
    ['a signed-in shopper', ALICE],
    ['a signed-in wholesale buyer', PRIYA],
  ])('gives %s presents near a £20 budget for their mum, not cheap fillers', async (_who, customerId) => {
    const shown = await ask(`gift-20-${customerId ?? 'guest'}`, 'a gift under £20 for my mum', customerId);
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expect(shown.every((s) => s.price <= 20)).toBe(true);
    // Three quarters of what customers buy singly under £20 costs less than this.
    const upperQuartile = await singleUnitQuantile(0.75, 20);
    expect(median(shown.slice(0, 3).map((s) => s.price))).toBeGreaterThanOrEqual(upperQuartile);
    expect(shown[0].reason).toMatch(/^Bought on its own in \d+ orders, and dearer than most single buys under £20$/);
  }, 60_000);

  it('without a budget, leads with presents at least at the typical single-unit price', async () => {
    const shown = await ask('gift-ideas', 'gift ideas');
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expect(median(shown.slice(0, 3).map((s) => s.price))).toBeGreaterThanOrEqual(await singleUnitQuantile(0.5));
    expect(shown[0].reason).toMatch(/^Bought on its own in \d+ orders/);
  }, 60_000);

  it('keeps "around £15" to the range it states in its reason', async () => {
    const shown = await ask('gift-15', 'a present for my dad around £15');
    expect(shown.length).toBeGreaterThanOrEqual(3);
    const range = /within your £(\d+(?:\.\d+)?) to £(\d+(?:\.\d+)?) budget$/.exec(shown[0].reason);
    expect(range).not.toBeNull();
    const [min, max] = [Number(range?.[1]), Number(range?.[2])];
    expect(min).toBeLessThan(15);
    expect(max).toBeGreaterThan(15);
    expect(shown.every((s) => s.price >= min && s.price <= max)).toBe(true);
  }, 60_000);

  const CHILDRENS = /\b(?:child|childs|children|childrens|kids?|toys?)\b/i;
  const replyText = (replies: ReplyActivity[]): string => replies.map((r) => r.text ?? '').join(' ');

  it('gives a 10 year old nephew children\'s things, not the shop\'s adult bestsellers, and says so', async () => {
    const adults = await ask('gift-adult', 'gift ideas');
    const replies = await say(running.url, 'gift-child', 'I need a present for my 10 year old nephew');
    const shown = cards(replies);
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expect(shown.filter((s) => !CHILDRENS.test(s.name))).toEqual([]);
    expect(adults.filter((s) => !CHILDRENS.test(s.name)).length).toBeGreaterThan(0);
    expect(replyText(replies)).toContain('presents for children');
    // "Cheaper" and "more like the first one" are still for the child.
    const cheaper = cards(await say(running.url, 'gift-child', 'cheaper'));
    expect(cheaper.length).toBeGreaterThan(0);
    expect(cheaper.filter((s) => !CHILDRENS.test(s.name))).toEqual([]);
    const similar = cards(await say(running.url, 'gift-child', 'more like the first one'));
    expect(similar.filter((s) => !CHILDRENS.test(s.name))).toEqual([]);
  }, 60_000);

  it('tops up a child\'s Christmas present with other children\'s presents, and says what it did', async () => {
    const replies = await say(running.url, 'gift-child-xmas', 'a christmas present for my 7 year old niece');
    const shown = cards(replies);
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expect(shown.filter((s) => !CHILDRENS.test(s.name))).toEqual([]);
    expect(replyText(replies)).toMatch(/for children matched "christmas", so I've added other gift ideas for children/);
  }, 60_000);

  it('gives a newborn baby goods, never a "baby pink" colour', async () => {
    const shown = cards(await say(running.url, 'gift-baby', 'a gift for a newborn'));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((s) => /\bbaby\b/i.test(s.name) && !/\bbaby (?:pink|blue)\b/i.test(s.name))).toBe(true);
  }, 60_000);
});

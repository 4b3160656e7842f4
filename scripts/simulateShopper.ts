/**
 * One synthetic shopper's visit for `npm run simulate`, over HTTP against the running bot: sign in with email and
 * postcode, ask for their favourite kind of thing, maybe open a card, maybe opt out of marketing, say goodbye and
 * answer the survey if it is offered; then maybe order through the order intake API. Every turn carries
 * channelData.simulatedAt (honoured by a bot started with SIMULATION_CLOCK=true).
 *
 * The behaviour model (made up, documented so the figures can be read): a shopper opens a card with probability
 * 0.35, +0.15 for a repeat buyer (5+ past orders), -0.1 when the bot's intro is the terse "Top picks for you:";
 * buys a suggested product with probability 0.45 after opening one, 0.12 otherwise, times a frequency factor from
 * their history; answers the survey 8 times in 10; opts out of marketing 3 times in 100. Orders repeat the
 * shopper's usual quantities and sometimes add a product they bought before.
 */
import { randomUUID } from 'node:crypto';
import type { SeededRandom } from '../data/import/seededRandom';
import type { Customer, Order } from '../domain/model';
import { productCards } from './productCards';
import type { StoreData } from '../data/storeSchema';

const DAY_MS = 86_400_000;

export interface ShopperProfile {
  customer: Customer;
  orders: Order[];
  favouriteCategory: string | null;
  /** Orders per year over their history. */
  ordersPerYear: number;
  usualQuantity: number;
  boughtBefore: string[];
}

export interface VisitOutcome {
  customerId: string;
  signedIn: boolean;
  shown: number;
  opened: boolean;
  surveyed: boolean;
  optedOut: boolean;
  order: { id: string; date: string; lines: { productId: string; quantity: number; unitPrice: number }[] } | null;
}

interface Reply { type: string; text?: string; attachments?: { contentType: string; content?: unknown }[] }

const REQUEST_BY_CATEGORY: Record<string, string> = {
  candles_lighting: 'show me candles', bags: 'show me bags', christmas: 'something for Christmas', kitchen_dining: 'show me mugs',
  garden_outdoor: 'something for the garden', party: 'party things please', stationery: 'show me notebooks', toys_games: 'show me toys',
  home_decor: 'home decor ideas', storage: 'show me storage boxes', jewellery_accessories: 'show me jewellery', bath_beauty: 'bath gift ideas',
};

export class BotClient {
  constructor(private readonly url: string) {}

  async say(conversationId: string, userId: string, at: Date, message: { text?: string; value?: unknown }): Promise<Reply[]> {
    const res = await fetch(`${this.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: randomUUID(), ...message, channelId: 'webchat', deliveryMode: 'expectReplies', locale: 'en-GB',
        conversation: { id: conversationId }, from: { id: userId }, recipient: { id: 'bot' }, channelData: { simulatedAt: at.toISOString() },
      }),
    });
    if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { activities: Reply[] }).activities;
  }
}

const textOf = (replies: Reply[]) => replies.map((r) => r.text ?? '').join(' ');

export async function visit(
  bot: BotClient, shopper: ShopperProfile, startsAt: Date, random: SeededRandom, prices: Map<string, number>, runId: string,
): Promise<VisitOutcome> {
  const conversationId = `sim-${runId}-${randomUUID().slice(0, 8)}`;
  const userId = `sim-user-${shopper.customer.id}`;
  let clock = startsAt.getTime();
  const say = (message: { text?: string; value?: unknown }) => {
    clock += 20_000 + random.int(40_000);
    return bot.say(conversationId, userId, new Date(clock), message);
  };
  const outcome: VisitOutcome = { customerId: shopper.customer.id, signedIn: false, shown: 0, opened: false, surveyed: false, optedOut: false, order: null };
  await say({ text: 'hi' });
  await say({ text: 'sign in' });
  await say({ text: shopper.customer.email });
  outcome.signedIn = /signed in|welcome back|hi /i.test(textOf(await say({ text: shopper.customer.postcode })));
  if (!outcome.signedIn) return outcome;

  let replies = await say({ text: REQUEST_BY_CATEGORY[shopper.favouriteCategory ?? ''] ?? 'gift ideas' });
  if (productCards(replies).length === 0) replies = await say({ text: 'gift ideas' });
  const cards = productCards(replies);
  outcome.shown = cards.length;
  const terse = /Top picks for you:/.test(textOf(replies));
  const openChance = 0.35 + (shopper.orders.length >= 5 ? 0.15 : 0) - (terse ? 0.1 : 0);
  let chosen = cards.length ? cards[random.int(Math.min(3, cards.length))] : undefined;
  if (chosen && random.chance(openChance)) {
    const details = chosen.buttons.find((b) => /details|basket/i.test(b.title));
    if (details) {
      await say({ value: details.value });
      outcome.opened = true;
    }
  } else if (cards.length && random.chance(0.3)) {
    replies = await say({ text: 'cheaper' });
    chosen = productCards(replies)[0] ?? chosen;
  }
  if (random.chance(0.03) && shopper.customer.consent.marketing) {
    const asked = await say({ text: 'stop sending me marketing emails' });
    if (/check|sure/i.test(textOf(asked))) await say({ text: 'yes' });
    outcome.optedOut = true;
  }

  const goodbye = await say({ text: "no, that's all" });
  if (/questions/i.test(textOf(goodbye)) && random.chance(0.8)) {
    outcome.surveyed = true;
    await say({ text: 'yes' });
    const csat = Math.max(1, Math.min(5, Math.round(3.4 + (outcome.opened ? 0.8 : 0) + (random.next() * 2 - 1))));
    await say({ text: String(csat) });
    await say({ text: String(Math.max(0, Math.min(10, csat * 2 + random.int(3) - 1))) });
    await say({ text: 'skip' });
  }

  const frequency = Math.min(1.5, 0.6 + shopper.ordersPerYear / 10);
  const buys = chosen !== undefined && random.chance((outcome.opened ? 0.45 : 0.12) * frequency);
  const buysAnyway = !buys && random.chance(0.05 * frequency) && shopper.boughtBefore.length > 0;
  if (buys || buysAnyway) {
    const productIds = new Set<string>();
    if (buys && chosen) productIds.add(chosen.productId);
    if (buysAnyway || random.chance(0.5)) productIds.add(random.pick(shopper.boughtBefore));
    const lines = [...productIds].filter((id) => prices.has(id))
      .map((productId) => ({ productId, quantity: shopper.usualQuantity, unitPrice: prices.get(productId) ?? 0 }));
    const date = new Date(Math.min(clock + (1 + random.int(36)) * 3_600_000, Date.now() - 120_000)).toISOString();
    if (lines.length) outcome.order = { id: `sim-${runId}-${randomUUID().slice(0, 8)}`, date, lines };
  }
  return outcome;
}

/** Each seed customer as a shopper: favourite category, order frequency and usual quantity from their history. */
export function shopperProfiles(data: StoreData): ShopperProfile[] {
  const byCustomer = new Map<string, StoreData['orders']>();
  for (const o of data.orders) byCustomer.set(o.customerId, [...(byCustomer.get(o.customerId) ?? []), o]);
  const categoryOf = new Map(data.products.map((p) => [p.id, p.category]));
  return data.customers.filter((c) => !c.erasedAt && c.email && c.postcode).map((customer) => {
    const orders = byCustomer.get(customer.id) ?? [];
    const counts = new Map<string, number>();
    const lines = orders.flatMap((o) => o.lines);
    for (const l of lines) counts.set(categoryOf.get(l.productId) ?? 'other', (counts.get(categoryOf.get(l.productId) ?? 'other') ?? 0) + 1);
    const favourite = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? customer.preferences.categories[0] ?? null;
    const dates = orders.map((o) => Date.parse(o.date)).sort((a, b) => a - b);
    const years = dates.length > 1 ? Math.max(0.25, (dates[dates.length - 1] - dates[0]) / (365 * DAY_MS)) : 1;
    const quantities = lines.map((l) => l.quantity).sort((a, b) => a - b);
    return {
      customer, orders, favouriteCategory: favourite, ordersPerYear: orders.length / years,
      usualQuantity: Math.max(1, Math.min(24, quantities[Math.floor(quantities.length / 2)] ?? 1)),
      boughtBefore: [...new Set(lines.map((l) => l.productId))],
    };
  });
}

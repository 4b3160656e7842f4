/**
 * Refinement on the bot's own example: every refinement keeps the request's context (budget, occasion,
 * category) and returns a full set, or says honestly why not and offers the closest; questions about one
 * item keep the refine choices; "why this" names the product it answers for.
 */
import { buttonValue, productCards, type ProductCardView } from '../../scripts/productCards';
import { CATALOGUE } from './support/fakeCustomers';
import { signedTokenFor } from './support/fakeIdentity';
import { choicesOf, lastReply, startConversation, texts, type Conversation, type Reply } from './support/harness';

type Card = ProductCardView;
const cardsOf = (replies: Reply[]): Card[] => productCards(replies);
const price = (card: Card) => CATALOGUE.find((p) => p.name === card.title)?.price ?? NaN;

async function guest(): Promise<Conversation> {
  const chat = startConversation();
  await chat.say('hi');
  return chat;
}

describe('refinements keep the context and return a full set', () => {
  it.each([
    ['cheaper', (chat: Conversation) => chat.say('Cheaper')],
    ['something else', (chat: Conversation) => chat.say('Something else')],
  ])('"a gift under £20" then "%s": under the cap, still a gift, five cards, none shown before', async (_name, refine) => {
    const chat = await guest();
    const first = cardsOf(await chat.say('a gift under £20'));
    expect(first.length).toBeGreaterThan(0);
    const replies = await refine(chat);
    const cards = cardsOf(replies);
    const request = chat.services.suggestions.requests.at(-1);
    expect(request?.occasion).toBe('gift');
    expect(request?.budget?.max).toBeLessThanOrEqual(20);
    const left = CATALOGUE.filter((p) => p.price <= (request?.budget?.max ?? Infinity) && !first.some((f) => f.title === p.name));
    expect(cards.length).toBe(Math.min(5, left.length));
    expect(cards.length).toBeGreaterThan(1);
    expect(cards.every((c) => price(c) <= (request?.budget?.max ?? Infinity))).toBe(true);
    expect(cards.some((c) => first.map((f) => f.title).includes(c.title))).toBe(false);
  });

  it('a narrow request that finds one item is topped up with the rest of its context, and says so', async () => {
    const chat = await guest();
    const replies = await chat.say('show me mugs');
    expect(texts(replies)[0]).toMatch(/^Only [12] matched "mug", so I've added other ideas\./);
    const cards = cardsOf(replies);
    expect(cards[0].title).toBe('Retro Coffee Mug');
    expect(cards.length).toBe(5);
  });

  it('"cheaper" below anything in stock says so and offers the closest in price', async () => {
    const chat = await guest();
    await chat.say('show me mugs under £2');
    const replies = await chat.say('Cheaper');
    expect(texts(replies)[0]).toMatch(/^I have nothing up to £\d+\.\d\d for that\. These are the closest in price\./);
    const cards = cardsOf(replies);
    expect(cards.length).toBeGreaterThan(0);
    const prices = cards.map(price);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('"more like the first one" asks for items like the first card, keeping budget and occasion', async () => {
    const chat = await guest();
    const first = cardsOf(await chat.say('a gift under £20'));
    await chat.say('more like the first one');
    const request = chat.services.suggestions.requests.at(-1);
    expect(request?.similarTo).toBe(first[0].productId);
    expect(request).toMatchObject({ occasion: 'gift', budget: { max: 20 } });
  });

  it('"more like the second one" takes the second card', async () => {
    const chat = await guest();
    const first = cardsOf(await chat.say('show me lanterns'));
    await chat.say('more like the second one');
    expect(chat.services.suggestions.requests.at(-1)?.similarTo).toBe(first[1].productId);
  });
});

describe('questions about one item keep the refine choices', () => {
  it.each(['Why this?', 'Show details', 'Not interested'])('after "%s" the refine choices are offered again', async (title) => {
    const chat = await guest();
    const cards = cardsOf(await chat.say('show me lanterns'));
    const replies = await chat.say({ value: buttonValue(cards[0], title) });
    expect(choicesOf(lastReply(replies))).toEqual(expect.arrayContaining(['Cheaper', 'Something else']));
  });

  it('"why this" names the product it answers for, says it took the first, and adds what the card does not say', async () => {
    const chat = startConversation();
    await chat.say({ text: 'hi', channelData: { identity: signedTokenFor('c-ada') } });
    const cards = cardsOf(await chat.say('show me candles under £10'));
    const replies = await chat.say('why this');
    const text = texts(replies)[0];
    expect(text.startsWith(`You didn't say which, so here is the first one, ${cards[0].title}. Why ${cards[0].title}?`)).toBe(true);
    expect(text).toContain('This comes from the favourites on your profile.');
    expect(text).toMatch(/within your budget of £10\.00/);
    const second = await chat.say('why the second one');
    expect(texts(second)[0].startsWith(`Why ${cards[1].title}?`)).toBe(true);
  });
});

describe('the cheapest or the dearest, asked for', () => {
  it('"which is the cheapest?" after lanterns asks for the lanterns by price, what was shown included', async () => {
    const chat = await guest();
    await chat.say('show me lanterns');
    const before = chat.services.suggestions.requests.length;
    const replies = await chat.say('which is the cheapest?');
    const request = chat.services.suggestions.requests[before];
    expect(request).toMatchObject({ keywords: ['lantern'], priceOrder: 'lowest' });
    expect(request?.exclude).toBeUndefined();
    expect(texts(replies).join(' ')).toContain('Here they are, lowest price first.');
    expect(texts(replies).join(' ')).not.toContain('not personalised');
  });

  it('"your most expensive mug" is a request of its own, highest price first', async () => {
    const chat = await guest();
    await chat.say('show me lanterns');
    const before = chat.services.suggestions.requests.length;
    await chat.say('your most expensive mug');
    // The turn's first request (a short round is then topped up from wider ones).
    expect(chat.services.suggestions.requests[before]).toMatchObject({ keywords: ['mug'], priceOrder: 'highest' });
  });

  it('by voice, says the order before the items', async () => {
    const chat = startConversation({ channelId: 'directlinespeech' });
    const replies = await chat.say("what's your cheapest candle?");
    const speak = replies.map((r) => r.speak ?? '').find((s) => s.includes('pence') || s.includes('pounds')) ?? '';
    expect(speak).toMatch(/<speak[^>]*>Lowest price first: /);
  });
});

describe('a colour said after a round', () => {
  it('"how about in pink?" after lanterns asks for pink lanterns, then "in green?" for green ones', async () => {
    const chat = await guest();
    await chat.say('show me lanterns');
    let before = chat.services.suggestions.requests.length;
    await chat.say('how about in pink?');
    expect(chat.services.suggestions.requests[before]).toMatchObject({ keywords: ['lantern'], colours: ['pink'] });
    before = chat.services.suggestions.requests.length;
    await chat.say('have you got them in green?');
    expect(chat.services.suggestions.requests[before]).toMatchObject({ keywords: ['lantern'], colours: ['green'] });
  });
});


/** Asking in words for what a card's buttons do: "add the second one to my basket", "how much is the first one?". */
import { productCards } from '../../scripts/productCards';
import { itemRequestIn, quantityIn } from '../../dialogs/suggestions/itemRequests';
import { createLocalRecognizer } from '../../language/local/recognizer';
import { CATALOGUE_KEYWORDS } from './support/fakeCustomers';
import { asksSomething, choicesOf, expectSpeechRules, lastReply, startConversation, texts } from './support/harness';
import type { Reply } from './support/harness';

const basketEvents = (replies: Reply[]) => replies.filter((r) => r.type === 'event' && r.name === 'addToBasket').map((r) => r.value);

describe('item requests in words', () => {
  it('"add the second one to my basket" tells the page the second card\'s product and confirms; the round stays', async () => {
    const chat = startConversation();
    const cards = productCards(await chat.say('show me lanterns'));
    expect(cards.length).toBeGreaterThan(2);
    const replies = await chat.say('add the second one to my basket');
    expect(basketEvents(replies)).toEqual([{ productId: cards[1].productId, quantity: 1 }]);
    expect(texts(replies)[0]).toBe(`Adding ${cards[1].title} to your basket.`);
    expect(choicesOf(lastReply(replies))).toContain('Something else');
    expect(chat.services.suggestions.events.filter((e) => e.kind === 'opened').map((e) => e.productId)).toEqual([cards[1].productId]);
  });

  it('a count and "the last one" pick the quantity and the item', async () => {
    const chat = startConversation();
    const cards = productCards(await chat.say('show me lanterns'));
    const last = cards[cards.length - 1];
    const replies = await chat.say('put three of the last one in my cart');
    expect(basketEvents(replies)).toEqual([{ productId: last.productId, quantity: 3 }]);
    expect(texts(replies)[0]).toBe(`Adding 3 of ${last.title} to your basket.`);
  });

  it('"I\'ll take the …" picks the card by a word of its name', async () => {
    const chat = startConversation();
    const cards = productCards(await chat.say('show me lanterns'));
    const word = cards[2].title.split(' ').find((w) => w.length > 4 && !cards[0].title.includes(w) && !cards[1].title.includes(w));
    if (!word) throw new Error(`no word of "${cards[2].title}" sets it apart from the first two cards`);
    const replies = await chat.say(`I'll take the ${word.toLowerCase()} one`);
    expect(basketEvents(replies)).toEqual([{ productId: expect.any(String), quantity: 1 }]);
    expect(texts(replies)[0]).toMatch(new RegExp(`^Adding .*${word}.* to your basket\\.$`, 'i'));
  });

  it('"how much is the first one?" answers with its price', async () => {
    const chat = startConversation();
    const cards = productCards(await chat.say('show me lanterns'));
    const replies = await chat.say('how much is the first one?');
    expect(texts(replies)[0]).toBe(`${cards[0].title} is ${cards[0].subtitle}.`);
    expect(basketEvents(replies)).toEqual([]);
  });

  it('by voice, price, stock and basket answers are valid, short speech that names the item', async () => {
    const chat = startConversation({ channelId: 'directlinespeech' });
    await chat.say('show me lanterns');
    for (const text of ['how much is the first one', 'is the first one in stock', 'add the first one to my basket']) {
      const replies = await chat.say(text);
      expectSpeechRules(replies);
      const spoken = String(replies.find((r) => r.type === 'message')?.speak);
      expect(spoken).toMatch(/the .+ (is|to your basket)/i);
      expect(spoken.replace(/<[^>]+>/g, '').split(/\s+/).length).toBeLessThan(40);
    }
  });

  it('"is the second one in stock?" answers from the round\'s catalogue', async () => {
    const chat = startConversation();
    const cards = productCards(await chat.say('show me lanterns'));
    expect(texts(await chat.say('is the second one in stock?'))[0]).toBe(`Yes, ${cards[1].title} is in stock.`);
  });

  it('"add it to my basket" with several cards asks which one, and adds nothing', async () => {
    const chat = startConversation();
    await chat.say('show me lanterns');
    const replies = await chat.say('add it to my basket');
    expect(texts(replies)).toEqual(['Which one? Say for example "add the second one to my basket", or tap "Add to basket" on its card.']);
    expect(asksSomething(replies)).toBe(true);
    expect(basketEvents(replies)).toEqual([]);
  });

  it('in a shop that sells baskets, "add it to my basket" still asks which one instead of showing baskets', async () => {
    const chat = startConversation({ recognizer: createLocalRecognizer({ keywords: [...CATALOGUE_KEYWORDS, 'basket'] }) });
    await chat.say('show me lanterns');
    const replies = await chat.say('add it to my basket');
    expect(texts(replies)[0]).toMatch(/^Which one\?/);
    expect(productCards(replies)).toEqual([]);
  });

  it('before any suggestion, "how much is the first one?" says nothing was suggested yet', async () => {
    const replies = await startConversation().say('how much is the first one?');
    expect(texts(replies)[0]).toBe("I haven't suggested anything yet. What are you looking for?");
  });

  it('payment questions are the team\'s, like delivery costs', async () => {
    const replies = await startConversation().say('can I pay with paypal?');
    expect(texts(replies)[0]).toMatch(/^I can't help with orders, deliveries, payments/);
  });
});

describe('itemRequestIn', () => {
  it.each([
    ['add the second one to my basket', 'add_to_basket'], ["I'll take the first one", 'add_to_basket'], ['buy it', 'add_to_basket'],
    ['how much is the first one', 'price'], ['how much are these', 'price'],
    ['is the first one in stock', 'stock'], ['do you still have those in stock', 'stock'],
    ['how much is delivery', null], ['show me candles', null], ['a tote bag for my mum', null], ['the first one', null],
  ])('%j -> %s', (text, request) => {
    expect(itemRequestIn(text)).toBe(request);
  });

  it.each([['add two of the first one to my basket', 2], ['add the first one', 1], ['add 200 of those', 1]])('quantity in %j is %i', (text, quantity) => {
    expect(quantityIn(text)).toBe(quantity);
  });
});

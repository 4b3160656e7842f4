import { buttonValue, productCards, type ProductCardView } from '../../scripts/productCards';
import { spokenWords } from '../../dialogs/speech/sayAs';
import { VOICE_TURN_WORDS } from '../../dialogs/suggestions/spokenSuggestions';
import { CATALOGUE } from './support/fakeCustomers';
import { signedTokenFor } from './support/fakeIdentity';
import { asksSomething, choicesOf, lastReply, startConversation, texts } from './support/harness';
import type { Conversation, Reply } from './support/harness';

const cardsOf = (replies: Reply[]): ProductCardView[] => productCards(replies);

async function signedIn(customerId = 'c-ada', channelId?: string): Promise<Conversation> {
  const chat = startConversation({ channelId });
  await chat.say({ text: 'hi', channelData: { identity: signedTokenFor(customerId) } });
  return chat;
}

describe('suggestions', () => {
  it('answers a request with a budget with a carousel of priced cards with reasons and buttons, then asks to refine', async () => {
    const chat = await signedIn();
    const replies = await chat.say('a gift under £5 for my mum');
    const cards = cardsOf(replies);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.length).toBeLessThanOrEqual(5);
    for (const card of cards) {
      const price = Number(card.subtitle.replace('£', ''));
      expect(card.subtitle).toMatch(/^£\d+\.\d\d$/);
      expect(price).toBeLessThanOrEqual(5);
      expect(card.text.length).toBeGreaterThan(0);
      expect(card.buttons.map((b) => b.title)).toEqual(['Add to basket', 'More like this', 'Why this?', 'Not interested', 'Show details']);
      expect(card.buttons.every((b) => b.value.productId === card.productId)).toBe(true);
      expect(card.imageUrl).toBe(`/images/products/${encodeURIComponent(card.productId)}.svg`);
    }
    expect(replies.find((r) => r.attachments)?.attachmentLayout).toBe('carousel');
    expect(texts(replies)[0]).toBe('Here are a few ideas I think you will love.');
    expect(choicesOf(lastReply(replies))).toEqual(['Cheaper', 'Something else', "No, that's all"]);
    expect(asksSomething(replies)).toBe(true);
    expect(chat.services.suggestions.requests[0]).toMatchObject({ budget: { max: 5 }, occasion: 'gift' });
    expect(chat.services.suggestions.contexts[0].profile?.customerId).toBe('c-ada');
    const shown = chat.services.suggestions.events.filter((e) => e.kind === 'shown');
    expect(shown.map((e) => e.productId)).toEqual(cards.map((c) => String(c.productId)));
    expect(chat.annotations.at(-1)?.reasons?.length).toBe(cards.length);
  });

  it('asks exactly one clarifying question when nothing says what it is for, then suggests', async () => {
    const chat = await signedIn();
    const question = await chat.say('can you suggest something');
    expect(texts(question)).toEqual(['Happy to help. What is it for, or what kind of thing are you after?']);
    expect(choicesOf(question[0])).toContain('Surprise me');
    const replies = await chat.say('Christmas');
    // The two exact matches lead; the round is topped up with other ideas and says so.
    expect(cardsOf(replies).slice(0, 2).map((c) => c.title).sort()).toEqual(['Christmas Bauble Set', 'Paper Chain Kit Christmas']);
    expect(texts(replies)[0]).toMatch(/^Only 2 matched "christmas", so I've added other christmas ideas\./);
    const vague = await chat.say('Surprise me');
    expect(cardsOf(vague).length).toBeGreaterThan(0);
  });

  it('"cheaper" refines the last request below what was shown, excluding it', async () => {
    const chat = await signedIn();
    const first = cardsOf(await chat.say('show me lanterns'));
    const cheaper = await chat.say('cheaper');
    const firstIds = first.map((c) => c.title);
    const cheaperCards = cardsOf(cheaper);
    expect(cheaperCards.every((c) => !firstIds.includes(c.title))).toBe(true);
    const request = chat.services.suggestions.requests.at(-1);
    expect(request?.budget?.max).toBeLessThan(Math.max(...first.map((c) => Number(c.subtitle.slice(1)))));
  });

  it('"more like this" on a card suggests similar items and records it as opened', async () => {
    const chat = await signedIn();
    const cards = cardsOf(await chat.say('show me lanterns'));
    const star = cards.find((c) => c.title === 'Zinc Star Lantern');
    const replies = await chat.say({ text: 'More like Zinc Star Lantern', value: star && buttonValue(star, 'More like this') });
    expect(chat.services.suggestions.requests.at(-1)?.similarTo).toBe('23145');
    expect(cardsOf(replies).map((c) => c.title)).not.toContain('Zinc Star Lantern');
    expect(cardsOf(replies)[0].text).toBe('Similar to the Zinc Star Lantern');
    expect(texts(replies)[0]).toBe('Here are some similar ideas.');
    expect(chat.services.suggestions.events).toContainEqual({ kind: 'opened', productId: '23145', customerId: 'c-ada' });
  });

  it('"more like the lantern" typed resolves the lantern that was shown', async () => {
    const chat = await signedIn();
    await chat.say('something for Christmas');
    await chat.say('more like the lantern');
    expect(chat.services.suggestions.requests.at(-1)?.similarTo).toBe('23145');
  });

  it('"not interested" records a dismissal and never shows the item again', async () => {
    const chat = await signedIn();
    const cards = cardsOf(await chat.say('show me lanterns'));
    const dismissed = cards[0];
    const replies = await chat.say({ value: buttonValue(dismissed, 'Not interested') });
    expect(texts(replies)[0]).toBe(`Got it, I won't suggest ${dismissed.title} again.`);
    expect(chat.services.suggestions.events.at(-1)).toMatchObject({ kind: 'dismissed', productId: dismissed.productId });
    const again = await chat.say('show me lanterns');
    expect(cardsOf(again).map((c) => c.title)).not.toContain(dismissed.title);
  });

  it('"why this?" explains with the reason that ranked the item; "show details" records an open', async () => {
    const chat = await signedIn();
    const cards = cardsOf(await chat.say('show me candles'));
    const why = await chat.say({ value: buttonValue(cards[0], 'Why this?') });
    expect(texts(why)[0]).toBe(`Why ${cards[0].title}? Matches a category you like. This comes from the favourites on your profile.`);
    const details = await chat.say({ value: buttonValue(cards[0], 'Show details') });
    const product = CATALOGUE.find((p) => p.name === cards[0].title);
    expect(texts(details)[0]).toBe(
      `${cards[0].title}: ${cards[0].subtitle}. Category: Candles & lighting. ${product?.inStock ? 'In stock.' : 'Currently out of stock.'}`,
    );
    expect(chat.services.suggestions.events.at(-1)).toMatchObject({ kind: 'opened' });
    const typed = await chat.say('why this?');
    expect(texts(typed)[0]).toMatch(new RegExp(`^You didn't say which, so here is the first one, ${cards[0].title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. Why .+\\? `));
  });

  it('a malformed card value is treated as text, not trusted', async () => {
    const chat = await signedIn();
    const replies = await chat.say({ value: { action: 'delete_everything', productId: '1' } });
    expect(cardsOf(replies)).toHaveLength(0);
  });

  it('a customer who opted out of personalisation is told so in one sentence and not profiled', async () => {
    const chat = await signedIn('c-bob');
    const replies = await chat.say('show me mugs');
    expect(texts(replies)[0]).toMatch(/ As you asked, these are not personalised\.$/);
    // The dialog passes the current profile; the service's gate reads its consent (the request carries no id).
    expect(chat.services.suggestions.contexts.at(-1)?.profile?.consent.personalization).toBe(false);
    expect(chat.services.suggestions.requests.at(-1)).not.toHaveProperty('customerId');
  });

  it('in a voice conversation reads the top picks with prices and shows no more than three', async () => {
    const chat = await signedIn('c-ada', 'directlinespeech');
    const replies = await chat.say('show me candles');
    expect(cardsOf(replies)).toHaveLength(3);
    const speak = String(replies.find((r) => r.attachments)?.speak);
    // Read for the ear: names and marked-up prices, no "My top 3 are", the choices not read out again.
    expect(speak).toMatch(/^<speak[^>]*>[a-z].+ at <say-as interpret-as="cardinal">\d+<\/say-as> (pounds?|pence)/);
    expect(speak).not.toMatch(/top \d|£|ideas/i);
    expect(spokenWords(speak).length + spokenWords(String(lastReply(replies).speak)).length).toBeLessThanOrEqual(VOICE_TURN_WORDS);
    expect(String(lastReply(replies).speak)).toMatch(/>Cheaper or something else\?<\/speak>$/);
    expect(chat.annotations.at(-1)?.voice).toBe(true);
  });

  it('a Web Chat message that came from speech also gets the short voice reply', async () => {
    const chat = await signedIn();
    const replies = await chat.say({ text: 'show me candles', channelData: { inputMethod: 'speech' } });
    expect(cardsOf(replies)).toHaveLength(3);
  });
});

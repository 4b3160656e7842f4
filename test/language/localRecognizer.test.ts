import { createLocalRecognizer } from '../../language/local/recognizer';
import { RecognitionResultSchema, type Entities, type Intent } from '../../language/types';

const recognizer = createLocalRecognizer({ keywords: ['lantern', 'doormat', 'cake stand', 'hot water bottle'] });

describe('local recognizer: intents, typed and spoken', () => {
  // Utterances written for this test, not copied from the training corpus or the held-out set.
  test.each<[Intent, string]>([
    ['greet', 'Hi there, good afternoon!'],
    ['greet', 'hello hello is this the shop'],
    ['get_suggestions', 'Could you suggest a present for my aunt?'],
    ['get_suggestions', 'show me some lanterns under fifteen pounds'],
    ['refine_suggestions', 'Hmm, too pricey. Anything cheaper?'],
    ['refine_suggestions', 'show me ones similar to that'],
    ['explain_suggestion', 'Why did you pick the doormat?'],
    ['explain_suggestion', 'why are you suggesting this to me'],
    ['give_feedback', 'I would like to fill in the survey'],
    ['give_feedback', 'i would give you eight out of ten'],
    ['opt_out_marketing', 'Please unsubscribe me from marketing emails.'],
    ['opt_out_marketing', 'stop sending me newsletters please'],
    ['opt_out_personalization', "Don't personalise my suggestions any more"],
    ['opt_out_personalization', 'stop using my order history for recommendations'],
    ['opt_in', 'Please sign me up to your newsletter again'],
    ['opt_in', 'turn personalisation back on please'],
    ['export_my_data', 'What personal data have you got about me?'],
    ['export_my_data', 'send me a copy of everything you know about me'],
    ['delete_my_data', 'Please delete all of my personal data'],
    ['delete_my_data', 'erase my account and forget me'],
    ['identify', 'My email is pat@example.com'],
    ['identify', 'my order number is five three six three six five'],
    ['human_agent', 'Can I talk to a real person please?'],
    ['human_agent', 'put me through to a human agent'],
    ['help', 'What can you help me with?'],
    ['help', 'how do i use this thing'],
    ['cancel', 'Cancel that, please.'],
    ['cancel', 'never mind stop'],
    ['goodbye', 'Thanks, goodbye!'],
    ['goodbye', 'ok bye for now'],
    ['none', 'What is the population of Peru?'],
    ['none', 'zxcvbnm qwerty'],
  ])('%s <- %j', async (intent, text) => {
    expect((await recognizer.recognize(text)).intent).toBe(intent);
  });

  test.each([
    ['cancle it', 'cancel'], ['unsubscirbe me', 'opt_out_marketing'], ['tlak to a humen', 'human_agent'],
  ])('tolerates typos: %j -> %s', async (text, intent) => {
    expect((await recognizer.recognize(text)).intent).toBe(intent);
  });
});

describe('local recognizer: entities, typed and spoken', () => {
  test.each<[string, Partial<Entities>]>([
    ['Show me candles under £20', { categories: ['candles_lighting'], budget: { max: 20, currency: 'GBP' } }],
    ['show me candles under twenty pounds', { categories: ['candles_lighting'], budget: { max: 20, currency: 'GBP' } }],
    ['a lantern and a cake stand', { keywords: ['lantern', 'cake stand'], categories: ['candles_lighting', 'kitchen_dining'] }],
    ['lanterns please', { keywords: ['lantern'] }],
    ['a gift for my mum between 10 and 30 dollars', { recipient: 'mum', occasion: 'gift', budget: { min: 10, max: 30, currency: 'USD' } }],
    ['something for my mothers birthday', { recipient: 'mum', occasion: 'birthday' }],
    ['xmas present for my nan', { occasion: 'christmas', recipient: 'grandma', present: true }],
    ['a wedding gift for a colleague', { occasion: 'wedding', recipient: 'colleague', present: true }],
    ['birthday gift ideas', { occasion: 'birthday', present: true }],
    ['my email is Pat.Lee@Example.com', { email: 'pat.lee@example.com' }],
    ['my email is pat dot lee at example dot co dot uk', { email: 'pat.lee@example.co.uk' }],
    ['my postcode is sw1a 1aa', { postcode: 'SW1A 1AA' }],
    ['my postcode is s w one a one a a', { postcode: 'SW1A 1AA' }],
    ['my zip code is 90210', { postcode: '90210' }],
    ['order 536365', { orderNumber: '536365' }],
    ['my order number is five three six three six five', { orderNumber: '536365' }],
    ['i would give you eight out of ten', { rating: 8 }],
    ['five stars', { rating: 5 }],
    ['too pricey anything cheaper', { refinement: 'cheaper' }],
    ['something a bit more expensive', { refinement: 'pricier' }],
    ['more like this one please', { refinement: 'more_like_this' }],
    ['i dont like these show me something else', { refinement: 'something_else' }],
    ['sign me up for the newsletter', { consentTopic: 'marketing' }],
    ['turn personalisation back on', { consentTopic: 'personalization' }],
  ])('%j -> %p', async (text, expected) => {
    expect((await recognizer.recognize(text)).entities).toMatchObject(expected);
  });

  test('a bare number is a rating only when the shopper is rating', async () => {
    const result = await recognizer.recognize('show me 4 mugs');
    expect(result.entities.rating).toBeUndefined();
  });
});

describe('local recognizer: odd input', () => {
  test.each(['', '   ', '🙂🙂🙂', '?!?!', 'a'.repeat(10_000), 'DROP TABLE customers;', '\u0000\u0001'])('%j -> none with a low score, no throw', async (text) => {
    const result = await recognizer.recognize(text);
    expect(RecognitionResultSchema.parse(result)).toEqual(result);
    expect(result.intent).toBe('none');
    expect(result.score).toBeLessThan(0.5);
  });

  test('is deterministic: two recognizers trained on the same corpus agree exactly', async () => {
    const again = createLocalRecognizer({ keywords: [] });
    for (const text of ['why this one', 'cheaper please', 'hello', 'what do you know about me']) {
      expect(await again.recognize(text)).toEqual({ ...(await recognizer.recognize(text)), entities: expect.anything() });
    }
  });
});

describe('local recognizer: product words in other forms', () => {
  const shop = createLocalRecognizer({ keywords: ['garden', 'bake', 'knit', 'hanging heart'] });

  test.each<[string, string[]]>([
    ['something for my wife, she likes gardening', ['garden']],
    ['a present for a keen gardener', ['garden']],
    ['my dad loves baking', ['bake']],
    ['knitted things for my nan', ['knit']],
    ['a hanging heart', ['hanging heart']],
    ['something for the evening', []],
  ])('%j names %j', async (text, keywords) => {
    expect((await shop.recognize(text)).entities.keywords ?? []).toEqual(keywords);
  });

  // A shop whose product names hold "looking" (a looking glass) and "five" (Five Cats): request words stay request words.
  const names = createLocalRecognizer({ keywords: ['looking', 'five', 'first', 'lantern'] });
  test.each<[string, string[]]>([
    ["I'm looking for lanterns under a fiver", ['lantern']],
    ['five lanterns', ['lantern']],
    ['how much is the first one?', []],
  ])('%j names %j', async (text, keywords) => {
    expect((await names.recognize(text)).entities.keywords ?? []).toEqual(keywords);
  });
});

describe('local recognizer: a bare product name is a request for it', () => {
  const shop = createLocalRecognizer({ keywords: ['lantern', 'doormat', 'soft toy', 'lunch bag', 'rain mac'] });

  test.each([
    ['toys', { categories: ['toys_games'] }],
    ['doormat', { keywords: ['doormat'] }],
    ['some lanterns please', { keywords: ['lantern'] }],
    ['lunch bags', { keywords: ['lunch bag'] }],
  ])('"%s" asks for suggestions of it', async (text, wanted) => {
    const result = await shop.recognize(text);
    expect(result.intent).toBe('get_suggestions');
    expect(result.entities).toMatchObject(wanted);
  });

  test.each(['is it raining', 'what about the weather', 'ok', 'zxcvbnm'])('"%s" is not a product request', async (text) => {
    expect((await shop.recognize(text)).intent).not.toBe('get_suggestions');
  });
});

describe('local recognizer: colours narrow, they are not product words', () => {
  const shop = createLocalRecognizer({ keywords: ['doormat', 'mug', 'turquoise', 'lunch bag'] });

  test.each([
    ['do you have anything in green?', ['green'], []],
    ['red doormats', ['red'], ['doormat']],
    ['a turquoise doormat', ['turquoise'], ['doormat']],
    ['grey or gray mugs', ['grey'], ['mug']],
  ])('"%s" asks for colours %j among %j', async (text, colours, keywords) => {
    const { intent, entities } = await shop.recognize(text);
    expect(intent).toBe('get_suggestions');
    expect(entities.colours).toEqual(colours);
    expect(entities.keywords).toEqual(keywords);
  });

  it('names no colour where none was said', async () => {
    expect((await shop.recognize('show me mugs')).entities.colours).toBeUndefined();
  });
});

describe('local recognizer: the cheapest or the dearest', () => {
  const shop = createLocalRecognizer({ keywords: ['candle', 'lantern', 'mug'] });

  test.each([
    ["what's your cheapest candle?", 'lowest'],
    ['which is the cheapest?', 'lowest'],
    ['the least expensive lantern', 'lowest'],
    ['your most expensive mug', 'highest'],
    ['show me the priciest ones', 'highest'],
  ])('"%s" asks for products in price order (%s first)', async (text, order) => {
    const { intent, entities } = await shop.recognize(text);
    expect(['get_suggestions', 'refine_suggestions']).toContain(intent);
    expect(entities.priceOrder).toBe(order);
  });

  it('"cheaper please" is a refinement, not an order by price', async () => {
    const { intent, entities } = await shop.recognize('cheaper please');
    expect(intent).toBe('refine_suggestions');
    expect(entities.priceOrder).toBeUndefined();
  });
});

describe('local recognizer: a colour said on its own', () => {
  const shop = createLocalRecognizer({ keywords: ['lantern', 'owl', 'pinks'] });

  test.each(['how about in pink?', 'have you got them in green?', 'any in red'])('"%s" asks for products in that colour', async (text) => {
    const { intent, entities } = await shop.recognize(text);
    expect(intent).toBe('get_suggestions');
    expect(entities.colours).toHaveLength(1);
    expect(entities.keywords).toEqual([]); // "pinks" (a flower's name in the catalogue) is the colour here
  });
});

import { TestAdapter, TurnContext } from 'botbuilder';
import { welcomeActivity } from '../../dialogs';
import { signedTokenFor } from './support/fakeIdentity';
import { asksSomething, choicesOf, expectValidSpeech, startConversation, texts } from './support/harness';

function contextFor(channelId: string): TurnContext {
  const adapter = new TestAdapter(async () => undefined, { channelId });
  return new TurnContext(adapter, { type: 'conversationUpdate', channelId, conversation: { id: 'c1', isGroup: false, conversationType: '', name: '' } });
}

describe('main dialog', () => {
  it.each(['webchat', 'directlinespeech'])('welcomeActivity on %s is a question with valid SSML', (channelId) => {
    const welcome = welcomeActivity(contextFor(channelId));
    expectValidSpeech(welcome);
    expect(welcome.inputHint).toBe('expectingInput');
    expect(welcome.text).toMatch(/shopping assistant/);
  });

  it('welcome in text offers quick replies; in voice it is shorter and has none', () => {
    const text = welcomeActivity(contextFor('webchat'));
    const voice = welcomeActivity(contextFor('directlinespeech'));
    expect(choicesOf(text)).toContain('Gift ideas');
    expect(String(voice.text).length).toBeLessThan(String(text.text).length);
  });

  it('help lists what the bot can do and asks what next', async () => {
    const replies = await startConversation().say('help');
    expect(texts(replies)[0]).toMatch(/^I can suggest gifts and homeware/);
    expect(asksSomething(replies)).toBe(true);
  });

  it('an unknown utterance gets a helpful reply with examples', async () => {
    const replies = await startConversation().say('zxqv blorp');
    expect(texts(replies)).toEqual([expect.stringContaining('"a gift under £20 for my mum"')]);
    expect(asksSomething(replies)).toBe(true);
  });

  it('"cancel" with nothing running says so', async () => {
    expect(texts(await startConversation().say('cancel'))[0]).toBe('There is nothing to cancel. What would you like to do?');
  });

  it('greets an identified customer by name', async () => {
    const chat = startConversation();
    await chat.say({ text: 'hi', channelData: { identity: signedTokenFor('c-ada') } });
    expect(texts(await chat.say('hello'))).toEqual(['Hello Ada! What can I help you with?']);
  });

  it('"sign in" when already identified says so', async () => {
    const chat = startConversation();
    await chat.say({ text: 'hi', channelData: { identity: signedTokenFor('c-ada') } });
    expect(texts(await chat.say('sign in'))[0]).toBe("You're already signed in as Ada.");
  });

  it('fills the turn annotations: customer, segment, intent and score, voice', async () => {
    const chat = startConversation({ channelId: 'directlinespeech' });
    await chat.say({ text: 'show me candles', channelData: { identity: signedTokenFor('c-ada') } });
    const turn = chat.annotations[0];
    expect(turn).toMatchObject({ customerId: 'c-ada', segment: { primary: 'champions' }, intent: 'get_suggestions', voice: true });
    expect(turn.intentScore).toBeGreaterThan(0.3);
    expect(turn.reasons?.length).toBe(3);
  });

  it('a message with no text and no card value is ignored quietly', async () => {
    expect(await startConversation().say({ text: '' })).toEqual([]);
  });
});

describe('greeting once', () => {
  it('a signed-in "hi" is greeted by name once, then asked what to do', async () => {
    const chat = startConversation();
    const replies = await chat.say({ text: 'hi', channelData: { identity: signedTokenFor('c-ada') } });
    expect(texts(replies)).toEqual(["Hi Ada, you're signed in.", 'What can I help you with?']);
  });
});

describe('messages outside what the assistant does', () => {
  it('an order, delivery or return question offers a person instead of "not understood"; picking it hands off', async () => {
    const chat = startConversation();
    for (const text of ['where is my order 579003?', "what's your returns policy?", 'when will my parcel arrive']) {
      const replies = await chat.say(text);
      expect(texts(replies)).toEqual([expect.stringMatching(/^I can't help with orders, deliveries, payments, returns or refunds, but our team can/)]);
      expect(choicesOf(replies[0])).toEqual(['Talk to a person', 'Gift ideas']);
    }
    const handoff = await chat.say('Talk to a person');
    expect(handoff.some((r) => r.type === 'event' && r.name === 'handoff.initiate')).toBe(true);
  });

  it('a question about the shop itself (hours, contact, address) offers a person instead of "not understood"', async () => {
    const chat = startConversation();
    for (const text of ['what are your opening hours?', 'what time do you close', "what's your phone number", 'where are you based?']) {
      const replies = await chat.say(text);
      expect(texts(replies)).toEqual([expect.stringMatching(/^I can't answer questions about the shop itself, such as opening hours or how to reach us, but our team can/)]);
      expect(choicesOf(replies[0])).toEqual(['Talk to a person', 'Gift ideas']);
    }
  });

  it('"my email address is …" is still a sign-in, not a question about the shop', async () => {
    const chat = startConversation();
    const replies = await chat.say('my email address is ada@example.com');
    expect(texts(replies).join(' ')).not.toMatch(/questions about the shop itself/);
  });

  it('a complaint offers a person or feedback, instead of starting the survey', async () => {
    const chat = startConversation();
    const replies = await chat.say('I want to make a complaint');
    expect(texts(replies)).toEqual([expect.stringMatching(/^I'm sorry something went wrong\. A member of our team can look into it/)]);
    expect(choicesOf(replies[0])).toEqual(['Talk to a person', 'Leave feedback']);
    expect(chat.services.feedback.submitted).toHaveLength(0);
    const handoff = await chat.say('Talk to a person');
    expect(handoff.some((r) => r.type === 'event' && r.name === 'handoff.initiate')).toBe(true);
  });

  it.each([['bonjour, je cherche un cadeau', 'French'], ['ich suche ein Geschenk für meine Mutter', 'German'], ['hola, busco un regalo', 'Spanish']])(
    '%j is answered: English only, with an example', async (text, language) => {
      const replies = await startConversation().say(text);
      expect(texts(replies)).toEqual([`It looks like you wrote in ${language}. Sorry, I can only chat in English for now. You could say "a gift under £20 for my mum".`]);
    });

  it('a budget alone ("under £5 please") narrows the last request; a wave is a greeting', async () => {
    const chat = startConversation();
    await chat.say('show me lanterns');
    await chat.say('under £5 please');
    // The lanterns asked for before stay: the budget narrows the last request (later requests of the turn widen it).
    expect(chat.services.suggestions.requests[1]).toMatchObject({ keywords: ['lantern'], budget: { max: 5 } });
    expect(texts(await startConversation().say('\u{1F44B}'))[0]).toMatch(/shopping assistant|What can I help you with/);
  });
});

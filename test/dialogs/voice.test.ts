/** Voice users end to end through MainDialog: sign-in by voice, the survey by voice, the full list on request. */
import { InputHints } from 'botbuilder';
import { spokenWords } from '../../dialogs/speech/sayAs';
import { signedTokenFor } from './support/fakeIdentity';
import { asksSomething, startConversation, texts } from './support/harness';
import type { Conversation, Reply } from './support/harness';

const VOICE = { channelData: { inputMethod: 'speech' } };
const said = (chat: Conversation, text: string) => chat.say({ text, ...VOICE });
const heard = (replies: Reply[]) => replies.map((r) => String(r.speak ?? '')).join(' ');
const wordsHeard = (replies: Reply[]) => replies.reduce((sum, r) => sum + spokenWords(String(r.speak ?? '')).length, 0);

describe('voice sign-in', () => {
  it.each([
    ['a spoken email and a spoken postcode', 'ada dot example at example dot com', 'e one six a n', false],
    ['a spelled email and a spoken order number', 'a d a at example dot com', 'five three six three six five', true],
  ])('signs in with %s', async (_label, email, factor, spelledEmail) => {
    const chat = startConversation({ channelId: 'directlinespeech' });
    await chat.say('sign in');
    const afterEmail = await chat.say(spelledEmail ? email : email.replace('ada dot example', 'ada'));
    expect(texts(afterEmail)).toEqual(['Thanks. Now your postcode, or the number of a past order?']);
    const replies = await chat.say(factor);
    expect(texts(replies)[0]).toBe("Thanks, Ada, you're signed in.");
    expect((await chat.session()).profile?.customerId).toBe('c-ada');
  });

  it('a Web Chat microphone user who is misheard is asked to say the email, never to type it', async () => {
    const chat = startConversation();
    await said(chat, 'sign in');
    const replies = await said(chat, 'my name is Ada');
    expect(asksSomething(replies)).toBe(true);
    expect(`${texts(replies).join(' ')} ${heard(replies)}`).not.toMatch(/\btype\b/i);
    expect(heard(replies)).toContain('dot');
    const again = await said(chat, 'ada at example dot com');
    expect(texts(again)).toEqual(['Thanks. Now your postcode, or the number of a past order?']);
  });
});

describe('voice survey', () => {
  it('runs by voice with spoken numbers and a spoken comment; nothing asks to type', async () => {
    const chat = startConversation({ channelId: 'directlinespeech' });
    await chat.say({ text: 'hi', channelData: { identity: signedTokenFor('c-ada') } });
    await chat.say('show me lanterns');
    const turns = [await chat.say("no, that's all"), await chat.say('yes'), await chat.say('four'), await chat.say('nine out of ten')];
    const comment = turns[3];
    expect(texts(comment)).toEqual(['Anything you would like to add? Just say it, or say "skip".']);
    const end = await chat.say('the lantern was lovely');
    expect(texts(end)).toEqual(['Thank you for your feedback!']);
    for (const replies of [...turns, end]) {
      expect(`${texts(replies).join(' ')} ${heard(replies)}`).not.toMatch(/\btype\b/i);
      expect(wordsHeard(replies)).toBeLessThanOrEqual(25);
      expect(heard(replies)).not.toMatch(/You can say/);
    }
    expect(chat.services.feedback.submitted[0].answers).toMatchObject({ csat: 4, nps: 9, comment: 'the lantern was lovely' });
  });

  it('a screen user still reads "Type a comment"', async () => {
    const chat = startConversation();
    await chat.say({ text: 'hi', channelData: { identity: signedTokenFor('c-ada') } });
    await chat.say('show me lanterns');
    await chat.say("no, that's all");
    await chat.say('yes');
    await chat.say('4');
    expect(texts(await chat.say('9'))).toEqual(['Anything you would like to add? Type a comment, or say "skip".']);
  });
});

describe('voice help and misunderstandings', () => {
  it.each(['help', 'blah blah wibble'])('%j gets a short spoken answer with no quotation marks', async (text) => {
    const chat = startConversation({ channelId: 'directlinespeech' });
    const replies = await chat.say(text);
    expect(wordsHeard(replies)).toBeLessThanOrEqual(20);
    expect(heard(replies)).not.toMatch(/&quot;/);
  });
});

describe('voice suggestions', () => {
  it('reads a short round, and every shown item with prices when asked to "read them all"', async () => {
    const chat = startConversation({ channelId: 'directlinespeech' });
    await chat.say({ text: 'hi', channelData: { identity: signedTokenFor('c-ada') } });
    const round = await chat.say('show me candles');
    expect(wordsHeard(round)).toBeLessThanOrEqual(25);
    const shown = (await chat.session()).shown;
    const all = await chat.say('read them all');
    const prices = heard(all).match(/<say-as interpret-as="cardinal">\d+<\/say-as> (pounds?|pence)/g) ?? [];
    expect(prices).toHaveLength(shown.length);
    expect(all.at(-1)?.inputHint).toBe(InputHints.ExpectingInput);
  });

  it('"tell me more about the second one" explains that item, not the whole list', async () => {
    const chat = startConversation({ channelId: 'directlinespeech' });
    await chat.say({ text: 'hi', channelData: { identity: signedTokenFor('c-ada') } });
    await chat.say('show me candles');
    const second = (await chat.session()).shown[1];
    const replies = await chat.say('tell me more about the second one');
    expect(texts(replies)[0]).toMatch(/^Why /);
    expect(chat.annotations.at(-1)?.intent).toBe('explain_suggestion');
    expect(second).toBeDefined();
    expect(heard(replies)).not.toMatch(/^All \d/);
  });

  it.each(['tell me more', 'read them all', 'can you read them to me please', 'okay, list them'])('%j reads the whole list', async (text) => {
    const chat = startConversation({ channelId: 'directlinespeech' });
    await chat.say({ text: 'hi', channelData: { identity: signedTokenFor('c-ada') } });
    await chat.say('show me candles');
    const shown = (await chat.session()).shown;
    const prices = heard(await chat.say(text)).match(/<say-as interpret-as="cardinal">\d+<\/say-as> (pounds?|pence)/g) ?? [];
    expect(prices).toHaveLength(shown.length);
  });
});

import { signedTokenFor } from './support/fakeIdentity';
import { asksSomething, startConversation, texts } from './support/harness';
import type { Conversation } from './support/harness';

async function signedIn(customerId = 'c-ada'): Promise<Conversation> {
  const chat = startConversation();
  await chat.say({ text: 'hi', channelData: { identity: signedTokenFor(customerId) } });
  return chat;
}

const consentOf = async (chat: Conversation, customerId = 'c-ada') => (await chat.services.identity.profile(customerId))?.consent;

describe('privacy requests', () => {
  it.each([
    ['opt out of marketing', 'marketing', false, "Done: you won't get marketing messages from us any more."],
    ['stop personalising my suggestions', 'personalization', false, "Done: from now on my suggestions won't use your history or profile."],
  ] as const)('"%s" takes effect at once and is confirmed plainly', async (utterance, topic, granted, confirmation) => {
    const chat = await signedIn();
    const replies = await chat.say(utterance);
    expect(texts(replies)[0]).toMatch(new RegExp(`^${confirmation.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect((await consentOf(chat))?.[topic]).toBe(granted);
    expect(texts(replies).at(-1)).toBe('Anything else I can help with?');
  });

  it('the very next suggestion after a personalisation opt-out is non-personalised', async () => {
    const chat = await signedIn();
    await chat.say('stop personalising my suggestions');
    const replies = await chat.say('show me candles');
    expect(texts(replies)[0]).toBe('Here are some popular ideas. As you asked, these are not personalised.');
    expect(chat.services.suggestions.contexts.at(-1)?.profile?.consent.personalization).toBe(false);
  });

  it('opts back in, asking which consent when it was not said', async () => {
    const chat = await signedIn('c-bob');
    const question = await chat.say('opt me back in');
    expect(texts(question)).toEqual(['What would you like to opt back in to: marketing messages, or personalised suggestions?']);
    expect(texts(await chat.say('sausages'))).toEqual(['Please choose "marketing" or "personalisation".']);
    const done = await chat.say('Personalisation');
    expect(texts(done)[0]).toBe('Done: my suggestions will be tailored to you again.');
    expect((await consentOf(chat, 'c-bob'))?.personalization).toBe(true);
  });

  it('"opt in to personalisation" applies directly', async () => {
    const chat = await signedIn('c-bob');
    expect(texts(await chat.say('opt in to personalisation'))[0]).toBe('Done: my suggestions will be tailored to you again.');
  });

  it('"what do you know about me" gives a readable summary and a JSON attachment of the export', async () => {
    const chat = await signedIn();
    const replies = await chat.say('what do you know about me');
    const summary = replies[0];
    expect(summary.text).toMatch(/^Here is what I hold about you, Ada\. From how recently, how often and how much you buy, my suggestions take into account that you have bought from us recently and often\. You like candles & lighting\./);
    // Plain words only: no internal segment label, no storage names.
    expect(summary.text).not.toMatch(/champions|segment|suggestion events|group/i);
    expect(summary.text).toContain('Marketing messages are on, personalised suggestions are on.');
    expect(summary.text).toContain('I also hold 1 order.');
    const attachment = summary.attachments?.[0];
    expect(attachment?.contentType).toBe('application/json');
    expect(attachment?.content).toEqual(await chat.services.privacy.exportData('c-ada'));
    const fromUrl = JSON.parse(Buffer.from(String(attachment?.contentUrl).split(',')[1], 'base64').toString('utf8'));
    expect(fromUrl).toEqual(attachment?.content);
  });

  it('"delete my data" asks for explicit confirmation; "no" keeps everything', async () => {
    const chat = await signedIn();
    const confirm = await chat.say('delete my data');
    expect(texts(confirm)[0]).toMatch(/permanently erases your personal data.*Are you sure\?$/);
    expect(asksSomething(confirm)).toBe(true);
    expect(texts(await chat.say('no'))[0]).toBe('OK, nothing was deleted.');
    expect(chat.services.privacy.erased).toEqual([]);
    expect((await chat.session()).profile?.customerId).toBe('c-ada');
  });

  it('"delete my data" + yes erases, ends the identified session, and the email no longer identifies', async () => {
    const chat = await signedIn();
    await chat.say('delete my data');
    const done = await chat.say('yes');
    expect(texts(done)[0]).toBe("Done. Your personal data has been erased and you're signed out. Past orders are kept only in anonymous form.");
    expect(chat.services.privacy.erased).toEqual(['c-ada']);
    expect((await chat.session()).profile).toBeNull();
    await chat.say('sign in');
    await chat.say('ada@example.com');
    expect(texts(await chat.say('E1 6AN'))[0]).toMatch(/^Sorry, I couldn't verify those details\./);
  });

  it('a guest who asks is told to identify first and can do it right away', async () => {
    const chat = startConversation();
    const offer = await chat.say('opt out of marketing');
    expect(texts(offer)[0]).toMatch(/^I can only do that once I know who you are/);
    expect(asksSomething(offer)).toBe(true);
    expect(texts(await chat.say('yes'))).toEqual(["What's the email address on your account?"]);
    await chat.say('ada@example.com');
    const done = await chat.say('E1 6AN');
    expect(texts(done).slice(0, 2)).toEqual(["Thanks, Ada, you're signed in.", "Done: you won't get marketing messages from us any more. Say \"opt in to marketing\" to change that."]);
    expect((await consentOf(chat))?.marketing).toBe(false);
  });

  it('a guest who declines to identify is left alone', async () => {
    const chat = startConversation();
    await chat.say('delete my data');
    expect(texts(await chat.say('no'))).toEqual(['OK. Just say "sign in" whenever you are ready.', 'Anything else I can help with?']);
    expect(chat.services.privacy.erased).toEqual([]);
  });
});

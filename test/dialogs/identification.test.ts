import { signedTokenFor } from './support/fakeIdentity';
import { asksSomething, startConversation, texts } from './support/harness';

describe('identification', () => {
  it('a valid signed identity in channelData identifies without a question and greets by name', async () => {
    const chat = startConversation();
    const replies = await chat.say({ text: 'hi', channelData: { identity: signedTokenFor('c-ada') } });
    expect(texts(replies)[0]).toBe("Hi Ada, you're signed in.");
    expect((await chat.session()).profile?.customerId).toBe('c-ada');
    expect(chat.annotations[0]).toMatchObject({ customerId: 'c-ada', segment: { primary: 'champions' } });
  });

  it('a forged signed identity is ignored: no greeting by name, still a stranger', async () => {
    const chat = startConversation();
    const replies = await chat.say({ text: 'hi', channelData: { identity: 'signed:c-ada-forged' } });
    expect(chat.services.identity.verifiedTokens).toEqual(['signed:c-ada-forged']);
    expect(texts(replies).join(' ')).not.toContain('Ada');
    expect((await chat.session()).profile).toBeNull();
  });

  const signIn = async (chat: ReturnType<typeof startConversation>, email: string, factor: string) => {
    await chat.say('sign in');
    await chat.say(email);
    return chat.say(factor);
  };

  it.each([
    ['postcode', 'ada@example.com', 'e1 6an'],
    ['past order number', 'ADA@example.com ', '536365'],
  ])('email + %s identifies and greets by display name', async (_label, email, factor) => {
    const chat = startConversation();
    const replies = await signIn(chat, email, factor);
    expect(texts(replies)).toEqual(["Thanks, Ada, you're signed in.", 'Anything else I can help with?']);
    expect((await chat.session()).profile?.displayName).toBe('Ada');
  });

  it('asks for the email again when the answer is not an email address', async () => {
    const chat = startConversation();
    await chat.say('sign in');
    const replies = await chat.say('my name is Ada');
    expect(texts(replies)).toEqual(["That doesn't look like an email address. Please type the one on your account, or say \"cancel\"."]);
    expect(asksSomething(replies)).toBe(true);
  });

  it('gives the identical reply for an unknown email and for a wrong second factor', async () => {
    const unknownEmail = await signIn(startConversation(), 'nobody@example.com', 'E1 6AN');
    const wrongFactor = await signIn(startConversation(), 'ada@example.com', 'ZZ9 9ZZ');
    expect(texts(unknownEmail)).toEqual(texts(wrongFactor));
    expect(unknownEmail.map((r) => r.speak)).toEqual(wrongFactor.map((r) => r.speak));
    expect(texts(wrongFactor)[0]).toMatch(/^Sorry, I couldn't verify those details\. 2 attempts left/);
  });

  it('locks after three failures for 15 minutes, even with the right details afterwards', async () => {
    const chat = startConversation();
    await signIn(chat, 'ada@example.com', 'wrong1');
    await chat.say('yes');
    await chat.say('ada@example.com');
    await chat.say('wrong2');
    await chat.say('yes');
    await chat.say('ada@example.com');
    const third = await chat.say('wrong3');
    expect(texts(third)[0]).toBe('For your security, signing in is locked for 15 minutes after three failed attempts. You can carry on as a guest meanwhile.');
    const again = await chat.say('sign in');
    expect(texts(again)[0]).toMatch(/locked for 15 minutes/);
    expect((await chat.session()).profile).toBeNull();
  });

  it('the email lock holds for another channel user (an attacker changing user ids)', async () => {
    const chat = startConversation();
    for (const user of ['u1', 'u2', 'u3']) {
      await chat.say({ text: 'sign in', from: { id: user, name: user } });
      await chat.say({ text: 'ada@example.com', from: { id: user, name: user } });
      await chat.say({ text: 'nope', from: { id: user, name: user } });
      await chat.say({ text: 'no', from: { id: user, name: user } });
    }
    await chat.say({ text: 'sign in', from: { id: 'u4', name: 'u4' } });
    await chat.say({ text: 'ada@example.com', from: { id: 'u4', name: 'u4' } });
    const replies = await chat.say({ text: 'E1 6AN', from: { id: 'u4', name: 'u4' } });
    expect(texts(replies)[0]).toMatch(/locked for 15 minutes/);
  });

  it('declining to retry continues as a guest', async () => {
    const chat = startConversation();
    await signIn(chat, 'ada@example.com', 'wrong');
    const replies = await chat.say('no');
    expect(texts(replies)[0]).toBe("OK, you're browsing as a guest.");
    expect((await chat.session()).guest).toBe(true);
  });

  it('gives a stranger who asks for suggestions popular picks at once, says so, and offers sign-in as a choice', async () => {
    const chat = startConversation();
    const replies = await chat.say('a gift under £20 for my mum');
    expect(texts(replies)[0]).toBe('Here are some popular ideas. As you are not signed in, these are not personalised.');
    expect(replies[0].attachments?.length ?? 0).toBeGreaterThan(0);
    expect(chat.services.suggestions.contexts[0].profile).toBeNull();
    const choices = replies.at(-1)?.suggestedActions?.actions.map((a) => a.title) ?? [];
    expect(choices).toContain('Sign in');
    expect(asksSomething(replies)).toBe(true);
    const signIn = await chat.say('Sign in');
    expect(texts(signIn)[0]).toBe("What's the email address on your account?");
  });
});

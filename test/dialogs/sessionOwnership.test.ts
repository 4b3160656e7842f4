/**
 * A signed-in session belongs to the person, not the conversation: another member of the same conversation
 * is a guest, a signed identity is honoured only until its expiry, an email + factor sign-in ends after the
 * idle time, and export, consent changes and erasure check the sign-in at the moment they act.
 */
import { signedTokenFor } from './support/fakeIdentity';
import { startConversation, texts, type Conversation } from './support/harness';

const START = Date.parse('2026-12-01T10:00:00Z');
const OWNER = { from: { id: 'owner', name: 'Ada' } };
const OTHER = { from: { id: 'someone-else', name: 'Eve' } };

function clockedConversation(): { chat: Conversation; advanceMinutes: (minutes: number) => void } {
  let now = START;
  const chat = startConversation({ now: () => new Date(now), idleMinutes: 30 });
  return { chat, advanceMinutes: (minutes) => { now += minutes * 60_000; } };
}

async function signInWithFactor(chat: Conversation): Promise<void> {
  await chat.say({ text: 'sign in', ...OWNER });
  await chat.say({ text: 'ada@example.com', ...OWNER });
  expect(texts(await chat.say({ text: 'e1 6an', ...OWNER }))[0]).toBe("Thanks, Ada, you're signed in.");
}

describe('a session belongs to the person who signed in', () => {
  it('another member of the same conversation is a guest: no export, no consent change, no erasure', async () => {
    const { chat } = clockedConversation();
    await signInWithFactor(chat);

    const exportTry = await chat.say({ text: 'what do you know about me', ...OTHER });
    expect(texts(exportTry).join(' ')).toMatch(/only do that once I know who you are/);
    expect(exportTry.some((r) => (r.attachments?.length ?? 0) > 0)).toBe(false);
    await chat.say({ text: 'no', ...OTHER });

    expect(texts(await chat.say({ text: 'opt out of marketing', ...OTHER })).join(' ')).toMatch(/only do that once I know who you are/);
    await chat.say({ text: 'no', ...OTHER });
    expect(texts(await chat.say({ text: 'delete my data', ...OTHER })).join(' ')).toMatch(/only do that once I know who you are/);
    await chat.say({ text: 'no', ...OTHER });

    expect((await chat.services.identity.profile('c-ada'))?.consent.marketing).toBe(true);
    expect(chat.services.privacy.erased).toEqual([]);
    // The owner is still signed in and gets their own data.
    const own = await chat.say({ text: 'what do you know about me', ...OWNER });
    expect(texts(own)[0]).toMatch(/^Here is what I hold about you, Ada\./);
  });

  it("another member cannot answer the owner's pending confirmation", async () => {
    const { chat } = clockedConversation();
    await signInWithFactor(chat);
    expect(texts(await chat.say({ text: 'delete my data', ...OWNER })).join(' ')).toMatch(/Are you sure\?/);
    await chat.say({ text: 'yes', ...OTHER });
    expect(chat.services.privacy.erased).toEqual([]);
    // The owner's question is still open for the owner.
    expect(texts(await chat.say({ text: 'yes', ...OWNER }))[0]).toMatch(/^Done\. Your personal data has been erased/);
    expect(chat.services.privacy.erased).toEqual(['c-ada']);
  });

  it("the other member's annotations say guest: nothing of the owner's reaches their turns", async () => {
    const { chat } = clockedConversation();
    await signInWithFactor(chat);
    await chat.say({ text: 'show me candles', ...OTHER });
    expect(chat.annotations.at(-1)).toMatchObject({ customerId: null, segment: null });
    expect(chat.services.suggestions.contexts.at(-1)?.profile ?? null).toBeNull();
  });
});

describe('a session ends', () => {
  it('a signed identity is honoured until its exp; after it, a turn without a valid token is a guest\'s', async () => {
    const { chat, advanceMinutes } = clockedConversation();
    const token = signedTokenFor('c-ada', START + 10 * 60_000);
    expect(texts(await chat.say({ text: 'hi', channelData: { identity: token }, ...OWNER }))[0]).toBe("Hi Ada, you're signed in.");
    advanceMinutes(5);
    expect(texts(await chat.say({ text: 'what do you know about me', ...OWNER }))[0]).toMatch(/^Here is what I hold about you, Ada/);
    advanceMinutes(6);
    const after = await chat.say({ text: 'what do you know about me', ...OWNER });
    expect(texts(after)[0]).toMatch(/^Your sign-in has expired/);
    expect(texts(after).join(' ')).not.toMatch(/Here is what I hold/);
    expect((await chat.session()).profile).toBeNull();
  });

  it('the same expired token sent again is verified again and refused', async () => {
    const { chat, advanceMinutes } = clockedConversation();
    const token = signedTokenFor('c-ada', START + 10 * 60_000);
    await chat.say({ text: 'hi', channelData: { identity: token }, ...OWNER });
    advanceMinutes(11);
    const replies = await chat.say({ text: 'what do you know about me', channelData: { identity: token }, ...OWNER });
    expect(texts(replies)[0]).toMatch(/^Your sign-in has expired/);
    expect(texts(replies).join(' ')).toMatch(/only do that once I know who you are/);
    // A fresh token from the host page signs them in again.
    const fresh = signedTokenFor('c-ada', START + 60 * 60_000);
    expect(texts(await chat.say({ text: 'hi', channelData: { identity: fresh }, ...OWNER }))[0]).toBe("Hi Ada, you're signed in.");
  });

  it('a token for another customer replaces the previous sign-in', async () => {
    const { chat } = clockedConversation();
    await chat.say({ text: 'hi', channelData: { identity: signedTokenFor('c-ada') }, ...OWNER });
    const replies = await chat.say({ text: 'hi', channelData: { identity: signedTokenFor('c-bob') }, ...OWNER });
    expect(texts(replies)[0]).toBe("Hi Bob, you're signed in.");
    expect((await chat.session()).profile?.customerId).toBe('c-bob');
  });

  it('an email + factor sign-in ends after the idle time, and activity keeps it alive', async () => {
    const { chat, advanceMinutes } = clockedConversation();
    await signInWithFactor(chat);
    advanceMinutes(29);
    expect(texts(await chat.say({ text: 'show me candles', ...OWNER })).join(' ')).not.toMatch(/signed you out/);
    advanceMinutes(29);
    expect((await chat.session()).profile?.customerId).toBe('c-ada');
    advanceMinutes(2);
    const replies = await chat.say({ text: 'what do you know about me', ...OWNER });
    expect(texts(replies)[0]).toBe('For your security I signed you out after 30 minutes without activity. Say "sign in" to sign in again.');
    expect(texts(replies).join(' ')).not.toMatch(/Here is what I hold/);
  });

  it('erasure checks the sign-in when it acts: a confirmation after the idle time erases nothing', async () => {
    const { chat, advanceMinutes } = clockedConversation();
    await signInWithFactor(chat);
    await chat.say({ text: 'delete my data', ...OWNER });
    advanceMinutes(31);
    const replies = await chat.say({ text: 'yes', ...OWNER });
    expect(texts(replies).join(' ')).toMatch(/signed you out/);
    expect(texts(replies).join(' ')).toMatch(/nothing was changed/);
    expect(chat.services.privacy.erased).toEqual([]);
  });
});

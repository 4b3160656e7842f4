/**
 * Acting on a guess: close intents get a clarifying question, consent changes recognised with less than
 * high confidence are confirmed first, and every clarifying choice leads to its own intent.
 */
import { clarificationFor, HIGH_CONFIDENCE, INTENT_CHOICES } from '../../dialogs/clarify';
import type { Intent, RecognitionResult, Recognizer } from '../../language/types';
import { signedTokenFor } from './support/fakeIdentity';
import { asksSomething, choicesOf, lastReply, sharedRecognizer, startConversation, texts } from './support/harness';
import type { Conversation } from './support/harness';

const guess = (intent: Intent, score: number, alternatives: { intent: Intent; score: number }[] = []): RecognitionResult => ({
  intent, score, alternatives, entities: { categories: [], keywords: [] },
});

/** The real recognizer, except for a few scripted utterances whose recognition the test fixes. */
function scriptedRecognizer(script: Record<string, RecognitionResult>): Recognizer {
  return {
    async recognize(utterance: string) {
      return script[utterance] ?? sharedRecognizer().recognize(utterance);
    },
  };
}

async function signedIn(script: Record<string, RecognitionResult>, customerId = 'c-ada'): Promise<Conversation> {
  const chat = startConversation({ recognizer: scriptedRecognizer(script) });
  await chat.say({ text: 'hi', channelData: { identity: signedTokenFor(customerId) } });
  return chat;
}

const consentOf = async (chat: Conversation, customerId = 'c-ada') => (await chat.services.identity.profile(customerId))?.consent;

describe('clarificationFor', () => {
  it('asks between the two best intents when they are close and the best is not confident', () => {
    const clarification = clarificationFor(guess('opt_out_marketing', 0.5, [{ intent: 'delete_my_data', score: 0.4 }]));
    expect(clarification).toEqual({
      question: 'Do you want to stop marketing emails, or delete your account?',
      choices: ['Stop marketing emails', 'Delete my account'],
    });
  });

  it.each([
    ['a confident best intent', guess('opt_out_marketing', HIGH_CONFIDENCE, [{ intent: 'delete_my_data', score: 0.15 }])],
    ['a distant runner-up', guess('opt_out_marketing', 0.7, [{ intent: 'delete_my_data', score: 0.2 }])],
    ['no runner-up', guess('delete_my_data', 0.5)],
    ['an intent with no choice wording', guess('greet', 0.5, [{ intent: 'help', score: 0.45 }])],
  ])('does not ask with %s', (_, recognition) => {
    expect(clarificationFor(recognition)).toBeNull();
  });

  it('words every choice so that the recognizer reads it back as its intent, confidently', async () => {
    for (const [intent, { choice }] of Object.entries(INTENT_CHOICES)) {
      const result = await sharedRecognizer().recognize(choice);
      expect({ choice, intent: result.intent }).toEqual({ choice, intent });
      expect(result.score).toBeGreaterThanOrEqual(HIGH_CONFIDENCE);
    }
  });
});

describe('clarifying and confirming in the conversation', () => {
  it('asks which was meant when stopping emails and deleting the account are close, and changes nothing', async () => {
    const chat = await signedIn({ 'make it all stop': guess('opt_out_marketing', 0.45, [{ intent: 'delete_my_data', score: 0.35 }]) });
    const replies = await chat.say('make it all stop');
    expect(texts(replies)).toEqual(['Do you want to stop marketing emails, or delete your account?']);
    expect(choicesOf(lastReply(replies))).toEqual(['Stop marketing emails', 'Delete my account']);
    expect(asksSomething(replies)).toBe(true);
    expect((await consentOf(chat))?.marketing).toBe(true);
    expect(chat.services.privacy.erased).toEqual([]);

    const chosen = await chat.say('Stop marketing emails');
    expect(texts(chosen)[0]).toMatch(/^Done: you won't get marketing messages from us any more\./);
    expect((await consentOf(chat))?.marketing).toBe(false);
    expect(chat.services.privacy.erased).toEqual([]);
  });

  it('picking "Delete my account" from a clarification still asks the explicit erasure question', async () => {
    const chat = await signedIn({ 'get rid of it': guess('delete_my_data', 0.4, [{ intent: 'opt_out_marketing', score: 0.38 }]) });
    await chat.say('get rid of it');
    const confirm = await chat.say('Delete my account');
    expect(texts(confirm)[0]).toMatch(/permanently erases your personal data.*Are you sure\?$/);
    expect(chat.services.privacy.erased).toEqual([]);
  });

  it('an opt-out recognised without high confidence is confirmed first; "no" leaves consent alone', async () => {
    const chat = await signedIn({ 'less mail please': guess('opt_out_marketing', 0.6) });
    const check = await chat.say('less mail please');
    expect(texts(check)).toEqual(['Just to check: stop all marketing messages from us?']);
    expect(asksSomething(check)).toBe(true);
    expect(texts(await chat.say('no'))[0]).toBe("OK, I haven't changed anything.");
    expect((await consentOf(chat))?.marketing).toBe(true);
  });

  it('"yes" to the check applies the change', async () => {
    const chat = await signedIn({ 'less tailoring': guess('opt_out_personalization', 0.55) });
    await chat.say('less tailoring');
    const done = await chat.say('yes');
    expect(texts(done)[0]).toMatch(/^Done: from now on my suggestions won't use your history or profile\./);
    expect((await consentOf(chat))?.personalization).toBe(false);
  });

  it('an opt-in with its topic is confirmed too when not confident', async () => {
    const optIn: RecognitionResult = { ...guess('opt_in', 0.5), entities: { categories: [], keywords: [], consentTopic: 'marketing' } };
    const chat = await signedIn({ 'emails ok': optIn }, 'c-bob');
    expect(texts(await chat.say('emails ok'))).toEqual(['Just to check: send you offers and news again?']);
    expect(texts(await chat.say('yes'))[0]).toBe("Done: you'll hear about offers and news from us again.");
    expect((await consentOf(chat, 'c-bob'))?.marketing).toBe(true);
  });

  it('a confident opt-out acts at once, without a check', async () => {
    const chat = await signedIn({ 'unsubscribe me now': guess('opt_out_marketing', 0.95) });
    expect(texts(await chat.say('unsubscribe me now'))[0]).toMatch(/^Done: you won't get marketing messages/);
    expect((await consentOf(chat))?.marketing).toBe(false);
  });

  it('something not understood offers a person among the choices', async () => {
    const chat = await signedIn({ 'blorp': guess('none', 0.1) });
    const replies = await chat.say('blorp');
    expect(choicesOf(lastReply(replies))).toContain('Talk to a person');
  });
});

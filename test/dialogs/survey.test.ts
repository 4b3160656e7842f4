import { signedTokenFor } from './support/fakeIdentity';
import { asksSomething, choicesOf, startConversation, texts } from './support/harness';
import type { Conversation } from './support/harness';

const CSAT_Q = 'How satisfied are you with this chat, from 1 (not at all) to 5 (very)?';
const NPS_Q = 'How likely are you to recommend us to a friend, from 0 (not at all) to 10 (extremely)?';
const COMMENT_Q = 'Anything you would like to add? Type a comment, or say "skip".';

/** A signed-in shopper who has seen one round of suggestions and says they are done. */
async function afterSuggestions(): Promise<Conversation> {
  const chat = startConversation();
  await chat.say({ text: 'hi', channelData: { identity: signedTokenFor('c-ada') } });
  await chat.say('show me lanterns');
  return chat;
}

describe('feedback survey', () => {
  it('offers every NPS score from 0 to 10 as a choice, and skip', async () => {
    const chat = await afterSuggestions();
    await chat.say("No, that's all");
    await chat.say('yes');
    const nps = await chat.say('4');
    expect(choicesOf(nps[0])).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'Skip']);
  });

  it.each([
    ['digits', ['4', '9', 'Lovely lanterns'], { csat: 4, nps: 9, comment: 'Lovely lanterns' }],
    ['words', ['four', 'nine out of ten', 'skip'], { csat: 4, nps: 9, comment: null }],
    ['skip at every question', ['skip', 'skip', 'skip'], null],
    ['skip the first', ['skip', '10', 'no comment'], { csat: null, nps: 10, comment: null }],
    ['skip the second', ['5', 'pass', 'ok'], { csat: 5, nps: null, comment: 'ok' }],
  ])('offered once after suggestions when the shopper is done; answers in %s', async (_label, answers, stored) => {
    const chat = await afterSuggestions();
    const offer = await chat.say("No, that's all");
    expect(texts(offer)).toEqual(['Before you go, would you answer two quick questions about this chat?']);
    expect(texts(await chat.say('yes'))).toEqual([CSAT_Q]);
    expect(texts(await chat.say(answers[0]))).toEqual([NPS_Q]);
    expect(texts(await chat.say(answers[1]))).toEqual([COMMENT_Q]);
    const end = await chat.say(answers[2]);
    expect(texts(end)).toEqual([stored ? 'Thank you for your feedback!' : 'No problem, nothing was recorded.']);
    const submitted = chat.services.feedback.submitted;
    if (stored) {
      expect(submitted).toHaveLength(1);
      expect(submitted[0].answers).toMatchObject(stored);
      expect(submitted[0].answers.followsSuggestions.length).toBeGreaterThan(0);
    } else {
      expect(submitted).toHaveLength(0);
    }
  });

  it.each([
    ['CSAT', [], 'banana', 'Please give a number from 1 to 5, for example "4" or "four", or a word like "fine" or "great", or say "skip".'],
    ['CSAT out of range', [], '7', 'Please give a number from 1 to 5, for example "4" or "four", or a word like "fine" or "great", or say "skip".'],
    ['NPS', ['3'], 'loads', 'Please give a number from 0 to 10, for example "8" or "eight", or say "skip".'],
  ])('re-asks on nonsense at %s with a retry prompt', async (_label, before, nonsense, retry) => {
    const chat = await afterSuggestions();
    await chat.say('no thanks');
    await chat.say('yes');
    for (const answer of before) await chat.say(answer);
    const replies = await chat.say(nonsense);
    expect(texts(replies)).toEqual([retry]);
    expect(asksSomething(replies)).toBe(true);
  });

  it.each([
    ['it was fine', 3],
    ['really helpful, thanks', 5],
    ['not great', 2],
    ['pretty good', 4],
    ['awful', 1],
  ])('reads a worded satisfaction answer "%s" as %i out of 5 and says what it recorded', async (answer, csat) => {
    const chat = await afterSuggestions();
    await chat.say("No, that's all");
    await chat.say('yes');
    expect(texts(await chat.say(answer))).toEqual([`Noted as ${csat} out of 5. ${NPS_Q}`]);
    await chat.say('skip');
    await chat.say('skip');
    expect(chat.services.feedback.submitted[0].answers).toMatchObject({ csat, nps: null, comment: null });
  });

  it('is offered at most once per conversation', async () => {
    const chat = await afterSuggestions();
    await chat.say('no thanks');
    expect(texts(await chat.say('no'))).toEqual(['No problem. Thanks for shopping with us, goodbye!']);
    await chat.say('show me mugs');
    expect(texts(await chat.say("that's all"))).toEqual(['Thanks for visiting. Goodbye!']);
  });

  it('is not offered again within 30 days (the service says no), even on request', async () => {
    const chat = await afterSuggestions();
    await chat.services.feedback.submit({ conversationId: 'earlier', profile: (await chat.session()).profile }, {
      csat: 5, nps: 10, comment: null, followsSuggestions: [],
    });
    expect(texts(await chat.say('no thanks'))).toEqual(['Thanks for visiting. Goodbye!']);
    expect(texts(await chat.say('I want to leave feedback'))[0]).toBe('Thank you, you have already given us feedback recently.');
  });

  it('can be asked for without suggestions (give_feedback), with no offer question', async () => {
    const chat = startConversation();
    expect(texts(await chat.say('I want to leave feedback'))).toEqual([CSAT_Q]);
    await chat.say('3');
    await chat.say('6');
    expect(texts(await chat.say('More candles please'))).toEqual(['Thank you for your feedback!', 'Anything else I can help with?']);
    expect(chat.services.feedback.submitted[0]).toMatchObject({ customerId: null, answers: { csat: 3, nps: 6, comment: 'More candles please' } });
  });

  it('without any suggestions shown, "that\'s all" says goodbye without a survey', async () => {
    const chat = startConversation();
    expect(texts(await chat.say("that's all"))).toEqual(['Thanks for visiting. Goodbye!']);
  });
});

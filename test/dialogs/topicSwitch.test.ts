/**
 * A clear request for another flow, in the middle of any question, takes the shopper there instead of repeating the
 * question; an answer to the question (a comment, an offered choice) is never taken for one.
 */
import { reach, STEPS } from './support/flowSteps';
import { texts, type Reply } from './support/harness';

const CANDLES = 'show me candles under £10';
const OPT_OUT = 'opt out of marketing';

const cardsIn = (replies: Reply[]): number => replies.reduce((n, r) => n + (r.attachments?.length ?? 0), 0);

describe.each(STEPS.filter((s) => !s.step.startsWith('suggestions.') && s.step !== 'survey.comment'))('topic switch at $step', ({ reach: steps }) => {
  it('"show me candles under £10" shows suggestions; the abandoned question is gone', async () => {
    const { chat } = await reach(steps);
    const replies = await chat.say(CANDLES);
    expect(cardsIn(replies)).toBeGreaterThan(0);
    expect(texts(replies).join(' ')).not.toMatch(/email address|postcode|order number|rate|recommend us|Shall we|opt back in|Are you sure/i);
    // The next message is routed afresh, not read as the old question's answer.
    expect(texts(await chat.say('hello')).join(' ')).toMatch(/What can I help you with\?|I am your shopping assistant/);
  });
});

describe('topic switch', () => {
  it('from a suggestions question to a privacy request: the opt-out is done at once', async () => {
    const step = STEPS.find((s) => s.step === 'suggestions.clarify');
    const { chat } = await reach(step!.reach);
    const replies = await chat.say(OPT_OUT);
    expect(texts(replies).join(' ')).toMatch(/you won't get marketing messages from us any more/);
    expect(chat.services.identity.customers.find((c) => c.profile.customerId === 'c-bob')?.profile.consent.marketing).toBe(false);
  });

  it('a request said as the survey comment is the comment, not a new request', async () => {
    const step = STEPS.find((s) => s.step === 'survey.comment');
    const { chat } = await reach(step!.reach);
    const replies = await chat.say(CANDLES);
    expect(cardsIn(replies)).toBe(0);
    expect(chat.services.feedback.submitted.at(-1)?.answers).toMatchObject({ comment: CANDLES });
  });

  it('a request instead of an answer to "are you sure?" before erasure erases nothing', async () => {
    const step = STEPS.find((s) => s.step === 'privacy.confirmDelete');
    const { chat } = await reach(step!.reach);
    expect(cardsIn(await chat.say(CANDLES))).toBeGreaterThan(0);
    expect(chat.services.privacy.erased).toEqual([]);
  });

  it('a weak guess never drags the shopper away: gibberish at the email question asks it again', async () => {
    const step = STEPS.find((s) => s.step === 'identify.email');
    const { chat } = await reach(step!.reach);
    expect(texts(await chat.say('asdfghjkl'))).toEqual([expect.stringMatching(/doesn't look like an email address/)]);
  });

  it.each(STEPS.filter((s) => s.step !== 'survey.comment').map((s) => [s.step, s.reach] as const))('"goodbye" at %s ends the chat', async (_step, steps) => {
    const { chat } = await reach(steps);
    const replies = await chat.say('goodbye');
    expect(texts(replies).join(' ')).toMatch(/Goodbye!|quick survey|How satisfied/);
    expect(texts(replies).join(' ')).not.toMatch(/email address|postcode|doesn't look like/);
  });
});

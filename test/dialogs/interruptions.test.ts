import { PROMPT_HELP } from '../../dialogs/copy';
import { reach, SIGNED_IN, STEPS } from './support/flowSteps';
import { asksSomething, startConversation, texts } from './support/harness';

describe.each(STEPS)('interruptions at $step', ({ step, reach: reachSteps }) => {
  it('help explains this question and asks it again', async () => {
    const { chat } = await reach(reachSteps);
    const replies = await chat.say('help');
    expect(texts(replies)[0]).toBe(PROMPT_HELP[step]);
    expect(replies).toHaveLength(2);
    expect(asksSomething(replies)).toBe(true);
  });

  it('cancel stops the flow and asks what to do instead', async () => {
    const { chat } = await reach(reachSteps);
    const replies = await chat.say('cancel');
    expect(texts(replies)).toEqual(["OK, I've stopped that. What would you like to do instead?"]);
    // The abandoned question is gone: the next message is routed afresh.
    // (The first greeting of a conversation that never saw the welcome gets the welcome.)
    expect(texts(await chat.say('hello'))).toEqual([expect.stringMatching(/^(Hello( Bob)?! What can I help you with\?|Hi! I am your shopping assistant\. .*)$/)]);
  });

  it('"talk to a human" records a handoff and sends the handoff initiation event', async () => {
    const { chat } = await reach(reachSteps);
    const replies = await chat.say('talk to a human');
    expect(texts(replies)[0]).toMatch(/^I've asked a member of our team to join this chat\. Your reference is H-1\./);
    const event = replies.find((r) => r.type === 'event');
    expect(event?.name).toBe('handoff.initiate');
    expect(event?.value).toMatchObject({ handoffId: 'H-1' });
    expect(chat.services.handoff.requests).toEqual([expect.objectContaining({ reason: 'talk to a human' })]);
    expect(texts(replies)).toHaveLength(1);
  });
});

describe('interruptions outside a flow', () => {
  it('start over mid-flow behaves like cancel', async () => {
    const { chat } = await reach(['sign in']);
    expect(texts(await chat.say('start over'))).toEqual(["OK, I've stopped that. What would you like to do instead?"]);
  });

  it('an email like help@example.com is an answer, not a request for help', async () => {
    const { chat } = await reach(['sign in']);
    expect(texts(await chat.say('help@example.com'))).toEqual(['Thanks. Now your postcode, or the number of a past order?']);
  });

  it('"talk to a human" from the main menu hands off with the customer id', async () => {
    const chat = startConversation();
    await chat.say(SIGNED_IN);
    const replies = await chat.say('talk to a human');
    expect(replies.some((r) => r.type === 'event' && r.name === 'handoff.initiate')).toBe(true);
    expect(chat.services.handoff.requests[0]).toMatchObject({ customerId: 'c-bob', reason: 'talk to a human' });
  });

  it('outside staffed hours the shopper is told when the team is there and asked for an email, with no handoff event', async () => {
    const chat = startConversation();
    chat.services.handoff.offline = { hours: 'Mon-Fri 09:00-17:00', timeZone: 'Europe/London' };
    const replies = await chat.say('can i speak to a human');
    expect(texts(replies)).toEqual([expect.stringMatching(/^Our team is not available right now: we are here Mon-Fri 09:00-17:00 \(Europe\/London time\)\. If you would like us to get back to you, type your email address/)]);
    expect(replies.some((r) => r.type === 'event')).toBe(false);
    expect(chat.services.handoff.requests[0]).toMatchObject({ reason: 'can i speak to a human' });
  });
});

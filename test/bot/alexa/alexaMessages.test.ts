import type { Activity } from 'botbuilder';
import { AlexaRequestSchema, NOT_CAUGHT, responseFromReplies, turnFor } from '../../../bot/alexa/alexaMessages';
import { question, statement } from '../../../dialogs/speech/messages';

function request(body: Record<string, unknown>, accessToken?: string) {
  const user = { userId: 'amzn1.ask.account.u', ...(accessToken ? { accessToken } : {}) };
  return AlexaRequestSchema.parse({
    version: '1.0',
    session: { sessionId: 'session-1', user },
    context: { System: { application: { applicationId: 'skill' }, user } },
    request: { requestId: 'req-1', timestamp: '2026-12-06T10:00:00Z', locale: 'en-GB', ...body },
  });
}

describe('Alexa requests as activities', () => {
  it('a LaunchRequest is a member joining, by voice, on channel alexa, keyed by the Alexa session', () => {
    const turn = turnFor(request({ type: 'LaunchRequest' }, 'signed-token'));
    expect(turn).toMatchObject({
      kind: 'activity', endSession: false,
      activity: {
        type: 'conversationUpdate', channelId: 'alexa', deliveryMode: 'expectReplies', conversation: { id: 'session-1' },
        from: { id: 'amzn1.ask.account.u' }, membersAdded: [{ id: 'amzn1.ask.account.u' }],
        channelData: { inputMethod: 'speech', identity: 'signed-token' },
      },
    });
  });

  it.each([
    [{ name: 'QueryIntent', slots: { query: { name: 'query', value: ' show me candles ' } } }, 'show me candles', false],
    [{ name: 'AMAZON.YesIntent' }, 'yes', false],
    [{ name: 'AMAZON.HelpIntent' }, 'help', false],
    [{ name: 'AMAZON.StopIntent' }, 'cancel', true],
  ])('intent %j is said as %j', (intent, text, endSession) => {
    expect(turnFor(request({ type: 'IntentRequest', intent }))).toMatchObject({ kind: 'activity', endSession, activity: { type: 'message', text } });
  });

  it('an empty slot or an unknown intent gets a fixed "didn\'t catch that"; SessionEnded is acknowledged', () => {
    expect(turnFor(request({ type: 'IntentRequest', intent: { name: 'QueryIntent', slots: { query: { name: 'query' } } } }))).toEqual({ kind: 'fixed', speech: NOT_CAUGHT });
    expect(turnFor(request({ type: 'IntentRequest', intent: { name: 'AMAZON.FallbackIntent' } }))).toEqual({ kind: 'fixed', speech: NOT_CAUGHT });
    expect(turnFor(request({ type: 'SessionEndedRequest', reason: 'USER_INITIATED' }))).toEqual({ kind: 'acknowledge' });
  });
});

describe('Alexa responses from replies', () => {
  const replies = [statement('Order 579003 costs £2.95.'), question('Anything else?')] as Partial<Activity>[];

  it('joins the speech of all replies into one document and reprompts with the pending question', () => {
    const response = responseFromReplies(replies, false).response;
    expect(response.outputSpeech).toEqual({
      type: 'SSML',
      ssml: '<speak>Order <say-as interpret-as="characters">5 7 9 0 0 3</say-as> costs <say-as interpret-as="cardinal">2</say-as> pounds <say-as interpret-as="cardinal">95</say-as><break strength="medium"/> Anything else?</speak>',
    });
    expect(response.reprompt?.outputSpeech).toEqual({ type: 'SSML', ssml: '<speak>Anything else?</speak>' });
    expect(response.shouldEndSession).toBe(false);
  });

  it('ends the session when nothing is asked, or when the shopper said stop', () => {
    expect(responseFromReplies([replies[0]], false).response).toMatchObject({ shouldEndSession: true });
    expect(responseFromReplies(replies, true).response.reprompt).toBeUndefined();
    expect(responseFromReplies(replies, true).response.shouldEndSession).toBe(true);
  });

  it('stays under Alexa\'s 8000-character limit with whole tags', () => {
    const long = Array.from({ length: 400 }, () => statement('It costs £12.50 today.')) as Partial<Activity>[];
    const speech = responseFromReplies(long, false).response.outputSpeech;
    const ssml = speech?.type === 'SSML' ? speech.ssml : '';
    expect(ssml.length).toBeLessThanOrEqual(8000);
    expect(ssml).toMatch(/^<speak>[\s\S]*<\/speak>$/);
    expect((ssml.match(/<say-as/g) ?? []).length).toBe((ssml.match(/<\/say-as>/g) ?? []).length);
  });
});

/**
 * Alexa's request JSON in, Bot Framework activities through the same bot, Alexa's response JSON out.
 * The request is validated with zod at the edge (only the fields used here); the response is typed by
 * ask-sdk-model. Pure functions.
 */
import type { Activity } from 'botbuilder';
import type { ResponseEnvelope, ui } from 'ask-sdk-model';
import { z } from 'zod';
import { ssmlBody } from '../../dialogs/speech/ssml';
import { ALEXA_CHANNEL } from '../../dialogs/speech/voice';

const AlexaUser = z.looseObject({ userId: z.string().min(1), accessToken: z.string().min(1).optional() });

export const AlexaRequestSchema = z.looseObject({
  version: z.string(),
  session: z.looseObject({ sessionId: z.string().min(1), user: AlexaUser.optional() }).optional(),
  context: z.looseObject({
    System: z.looseObject({ application: z.looseObject({ applicationId: z.string() }), user: AlexaUser }),
  }),
  request: z.looseObject({
    type: z.string().min(1),
    requestId: z.string().min(1),
    timestamp: z.string().min(1),
    locale: z.string().optional(),
    intent: z.looseObject({
      name: z.string().min(1),
      slots: z.record(z.string(), z.looseObject({ value: z.string().optional() })).optional(),
    }).optional(),
  }),
});
export type AlexaRequest = z.infer<typeof AlexaRequestSchema>;

/** The catch-all intent of the interaction model and its one slot: everything the shopper says. */
export const QUERY_INTENT = 'QueryIntent';
export const QUERY_SLOT = 'query';

/** Built-in intents, said as the bot already understands them. */
const BUILT_IN_UTTERANCES: Record<string, string> = {
  'AMAZON.HelpIntent': 'help',
  'AMAZON.CancelIntent': 'cancel',
  'AMAZON.StopIntent': 'cancel',
  'AMAZON.NavigateHomeIntent': 'cancel',
  'AMAZON.YesIntent': 'yes',
  'AMAZON.NoIntent': 'no',
};
/** Intents after which the skill closes, whatever the bot answered (Amazon's certification rule for "stop"). */
const ENDING_INTENTS = new Set(['AMAZON.StopIntent', 'AMAZON.CancelIntent']);

/** What to do with a request: run a bot turn, answer without the bot, or acknowledge with an empty response. */
export type AlexaTurn =
  | { kind: 'activity'; activity: Partial<Activity>; endSession: boolean }
  | { kind: 'fixed'; speech: string }
  | { kind: 'acknowledge' };

export const NOT_CAUGHT = "Sorry, I didn't catch that. What are you looking for?";

export function turnFor(body: AlexaRequest): AlexaTurn {
  const { request, session, context } = body;
  const user = session?.user ?? context.System.user;
  const base: Partial<Activity> = {
    id: request.requestId,
    channelId: ALEXA_CHANNEL,
    conversation: { id: session?.sessionId ?? request.requestId, isGroup: false, conversationType: 'personal', name: 'alexa' },
    from: { id: user.userId, name: 'alexa user' },
    recipient: { id: 'bot', name: 'bot' },
    serviceUrl: 'http://localhost/expect-replies',
    deliveryMode: 'expectReplies',
    locale: request.locale ?? 'en-GB',
    timestamp: new Date(request.timestamp),
    // Account linking: the access token is the shop's signed identity for the customer (see README).
    channelData: { inputMethod: 'speech', ...(user.accessToken ? { identity: user.accessToken } : {}) },
  };
  switch (request.type) {
    case 'LaunchRequest':
      return { kind: 'activity', activity: { ...base, type: 'conversationUpdate', membersAdded: [{ id: user.userId, name: 'alexa user' }] }, endSession: false };
    case 'IntentRequest': {
      const intent = request.intent;
      const text = intent?.name === QUERY_INTENT ? intent.slots?.[QUERY_SLOT]?.value : BUILT_IN_UTTERANCES[intent?.name ?? ''];
      if (!text || !text.trim()) return { kind: 'fixed', speech: NOT_CAUGHT };
      return { kind: 'activity', activity: { ...base, type: 'message', text: text.trim() }, endSession: ENDING_INTENTS.has(intent?.name ?? '') };
    }
    default:
      // SessionEndedRequest and system events: Alexa ignores any speech in the answer.
      return { kind: 'acknowledge' };
  }
}

const SSML_LIMIT = 8000;

function ssmlSpeech(bodies: string[]): ui.SsmlOutputSpeech {
  // Alexa refuses speech over 8000 characters: keep whole replies (never a cut tag) while they fit.
  let joined = '';
  for (const body of bodies.filter(Boolean)) {
    const next = joined ? `${joined} ${body}` : body;
    if (next.length > SSML_LIMIT - '<speak></speak>'.length) break;
    joined = next;
  }
  return { type: 'SSML', ssml: `<speak>${joined}</speak>` };
}

/** One Alexa response from the bot's replies: all speech joined, a reprompt when the last reply asks something. */
export function responseFromReplies(replies: readonly Partial<Activity>[], forceEnd: boolean): ResponseEnvelope {
  const messages = replies.filter((reply) => reply.type === 'message');
  const speech = messages.map((message) => ssmlBody(message.speak ?? message.text ?? ''));
  const last = messages[messages.length - 1];
  const expecting = !forceEnd && last?.inputHint === 'expectingInput';
  return {
    version: '1.0',
    response: {
      ...(speech.some(Boolean) ? { outputSpeech: ssmlSpeech(speech) } : {}),
      ...(expecting && last ? { reprompt: { outputSpeech: ssmlSpeech([ssmlBody(last.speak ?? last.text ?? '')]) } } : {}),
      shouldEndSession: !expecting,
    },
  };
}

export function fixedResponse(speech: string): ResponseEnvelope {
  const ssml = ssmlSpeech([speech.replace(/[&<>'"]/g, (ch) => `&#${ch.charCodeAt(0)};`)]);
  return { version: '1.0', response: { outputSpeech: ssml, reprompt: { outputSpeech: ssml }, shouldEndSession: false } };
}

export const EMPTY_RESPONSE: ResponseEnvelope = { version: '1.0', response: {} };

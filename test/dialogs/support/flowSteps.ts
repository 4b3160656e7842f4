/** How to reach each question of each flow (the prompt ids), shared by the interruption and topic-switch tests. */
import { signedTokenFor } from './fakeIdentity';
import { asksSomething, startConversation, type Conversation } from './harness';

export const SIGNED_IN = { text: 'hi', channelData: { identity: signedTokenFor('c-bob') } };

/** How to reach each question of each flow, and the prompt id whose help applies there. */
export const STEPS: { step: string; reach: (string | typeof SIGNED_IN)[] }[] = [
  { step: 'identify.email', reach: ['sign in'] },
  { step: 'identify.factor', reach: ['sign in', 'bob@example.com'] },
  { step: 'identify.retry', reach: ['sign in', 'bob@example.com', 'wrong'] },
  { step: 'suggestions.clarify', reach: [SIGNED_IN, 'suggest something'] },
  { step: 'survey.offer', reach: [SIGNED_IN, 'show me mugs', 'no thanks'] },
  { step: 'survey.csat', reach: ['I want to leave feedback'] },
  { step: 'survey.nps', reach: ['I want to leave feedback', '4'] },
  { step: 'survey.comment', reach: ['I want to leave feedback', '4', '8'] },
  { step: 'privacy.identifyFirst', reach: ['delete my data'] },
  { step: 'privacy.topic', reach: [SIGNED_IN, 'opt me back in'] },
  { step: 'privacy.confirmDelete', reach: [SIGNED_IN, 'delete my data'] },
];

/** A fresh conversation brought to the question the steps lead to. */
export async function reach(reachSteps: (string | typeof SIGNED_IN)[]): Promise<{ chat: Conversation }> {
  const chat = startConversation();
  let replies = await chat.say(reachSteps[0]);
  for (const input of reachSteps.slice(1)) replies = await chat.say(input);
  expect(asksSomething(replies)).toBe(true);
  return { chat };
}

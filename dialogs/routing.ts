/** Which flow a message goes to, from the recognised intent (pure, so the table is easy to test). */
import type { RecognitionResult } from '../language/types';
import type { PrivacyRequest } from './privacy/privacyDialog';
import { READ_ALL } from './suggestions/spokenSuggestions';
import { isComplaint, isServiceQuestion, isShopInfoQuestion } from './outOfScope';
import { itemRequestIn } from './suggestions/itemRequests';

export type Route =
  | { kind: 'suggestions' }
  | { kind: 'privacy'; request: PrivacyRequest }
  | { kind: 'identify' | 'feedback' | 'done' | 'handoff' | 'greet' | 'help' | 'cancel' | 'unknown' }
  /** An order, delivery, return or refund question, or one about the shop itself: the team handles those. */
  | { kind: 'service'; topic: 'order' | 'shop' }
  /** A complaint: a person from the team, or feedback, the shopper's choice. */
  | { kind: 'complaint' };

/** Below this the recognizer's guess is not acted on; the shopper gets examples instead. */
export const MIN_ROUTE_SCORE = 0.3;

/** "No", "that's all", "nothing else": the answer to "anything else?" that closes the conversation. */
const DONE = /^\s*(no|nope|nah|no thanks?( you)?|no,? that'?s (all|it)|that'?s (all|it)|nothing( else)?|i'?m (done|good)|all (done|good))\s*[.!]*\s*$/i;

/** A wave or a raised hand, with nothing else. */
const GREETING_EMOJI = /^\s*(?:\u{1F44B}|\u{1F64B}|\u{270B}|\u{1F590})[\u{1F3FB}-\u{1F3FF}\u{200D}\u{2640}\u{2642}\u{FE0F}\s]*$/u;

/** Intents that are about the shop's suggestions or the shopper's data: never read as an order-service question. */
const IN_SCOPE_REQUESTS: ReadonlySet<RecognitionResult['intent']> = new Set([
  'get_suggestions', 'refine_suggestions', 'explain_suggestion', 'opt_out_marketing', 'opt_out_personalization', 'opt_in',
  'export_my_data', 'delete_my_data', 'human_agent', 'give_feedback',
]);

/** A route fixed by the words alone ("no, that's all", "read them all", a wave): no recognizer guess to clarify. */
export function routeByRule(text: string): Route | null {
  if (DONE.test(text)) return { kind: 'done' };
  if (READ_ALL.test(text)) return { kind: 'suggestions' };
  // "Add the second one to my basket", "how much is the first one?": about the round on screen, whatever the guess.
  if (itemRequestIn(text)) return { kind: 'suggestions' };
  if (GREETING_EMOJI.test(text)) return { kind: 'greet' };
  if (isComplaint(text)) return { kind: 'complaint' };
  return null;
}

export function routeFor(text: string, recognition: RecognitionResult): Route {
  const byRule = routeByRule(text);
  if (byRule) return byRule;
  const confident = recognition.score >= MIN_ROUTE_SCORE;
  if (!(confident && IN_SCOPE_REQUESTS.has(recognition.intent))) {
    if (isServiceQuestion(text)) return { kind: 'service', topic: 'order' };
    if (isShopInfoQuestion(text)) return { kind: 'service', topic: 'shop' };
  }
  // "under £5 please": a budget alone, after or before a round of ideas, asks for ideas in it.
  if ((!confident || recognition.intent === 'none') && recognition.entities.budget) return { kind: 'suggestions' };
  if (!confident) return { kind: 'unknown' };
  switch (recognition.intent) {
    case 'get_suggestions':
    case 'refine_suggestions':
    case 'explain_suggestion':
      return { kind: 'suggestions' };
    case 'opt_out_marketing':
    case 'opt_out_personalization':
    case 'opt_in':
    case 'export_my_data':
    case 'delete_my_data':
      return { kind: 'privacy', request: recognition.intent };
    case 'identify':
      return { kind: 'identify' };
    case 'give_feedback':
      return { kind: 'feedback' };
    case 'goodbye':
      return { kind: 'done' };
    case 'human_agent':
      return { kind: 'handoff' };
    case 'greet':
      return { kind: 'greet' };
    case 'help':
      return { kind: 'help' };
    case 'cancel':
      return { kind: 'cancel' };
    case 'none':
      return { kind: 'unknown' };
  }
}

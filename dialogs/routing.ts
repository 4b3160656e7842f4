/** Which flow a message goes to, from the recognised intent (pure, so the table is easy to test). */
import type { RecognitionResult } from '../language/types';
import type { PrivacyRequest } from './privacy/privacyDialog';
import { READ_ALL } from './suggestions/spokenSuggestions';

export type Route =
  | { kind: 'suggestions' }
  | { kind: 'privacy'; request: PrivacyRequest }
  | { kind: 'identify' | 'feedback' | 'done' | 'handoff' | 'greet' | 'help' | 'cancel' | 'unknown' };

/** Below this the recognizer's guess is not acted on; the shopper gets examples instead. */
export const MIN_ROUTE_SCORE = 0.3;

/** "No", "that's all", "nothing else": the answer to "anything else?" that closes the conversation. */
const DONE = /^\s*(no|nope|nah|no thanks?( you)?|no,? that'?s (all|it)|that'?s (all|it)|nothing( else)?|i'?m (done|good)|all (done|good))\s*[.!]*\s*$/i;

/** A route fixed by the words alone ("no, that's all", "read them all"): no recognizer guess to clarify. */
export function routeByRule(text: string): Route | null {
  if (DONE.test(text)) return { kind: 'done' };
  if (READ_ALL.test(text)) return { kind: 'suggestions' };
  return null;
}

export function routeFor(text: string, recognition: RecognitionResult): Route {
  const byRule = routeByRule(text);
  if (byRule) return byRule;
  if (recognition.score < MIN_ROUTE_SCORE) return { kind: 'unknown' };
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

/** Per-turn helpers: annotations for the transcript middleware, and one recognition per turn. */
import type { TurnContext } from 'botbuilder';
import type { SegmentSnapshot } from '../domain/model';
import type { RecognitionResult, Recognizer } from '../language/types';
import type { CardItem } from './session';

/**
 * Facts a turn learned, read by the transcript middleware in bot/. Dialogs fill the object found in
 * context.turnState under TURN_ANNOTATIONS (the bot layer puts an empty one there at the start of each turn).
 */
export const TURN_ANNOTATIONS = 'shoppingAssistant.turnAnnotations';
export interface TurnAnnotations {
  customerId?: string | null;
  segment?: SegmentSnapshot | null;
  intent?: string;
  intentScore?: number;
  /** The recommender's reasons for what this turn showed. */
  reasons?: { productId: string; reason: string }[];
  /** The product cards this turn sent, as shown, for the transcript (a reloaded chat shows them again). */
  shownProducts?: CardItem[];
  /** True when the turn came in by voice (Direct Line Speech, or Web Chat speech input). */
  voice?: boolean;
  /** The shopper's text answered a sign-in question (email, postcode, order number): it is never stored. */
  sensitiveInput?: boolean;
}

/** Merges facts into the turn's annotations; a no-op when the bot layer put none there (e.g. in tests). */
export function annotate(context: TurnContext, facts: TurnAnnotations): void {
  const annotations: TurnAnnotations | undefined = context.turnState.get(TURN_ANNOTATIONS);
  if (annotations) Object.assign(annotations, facts);
}

const RECOGNITION = Symbol('dialogs.recognition');
/** The result for a turn with no text (a card button, an attachment). */
export function noRecognition(): RecognitionResult {
  return { intent: 'none', score: 0, entities: { categories: [], keywords: [] } };
}

/**
 * Recognises the turn's text once and caches it in turnState: the interruption check and the main router
 * both need it, and a remote recognizer must not be called twice per turn.
 */
export async function recognizeTurn(context: TurnContext, recognizer: Recognizer): Promise<RecognitionResult> {
  const cached: RecognitionResult | undefined = context.turnState.get(RECOGNITION);
  if (cached) return cached;
  const text = typeof context.activity.text === 'string' ? context.activity.text.trim() : '';
  const result = text === '' ? noRecognition() : await recognizer.recognize(text);
  context.turnState.set(RECOGNITION, result);
  annotate(context, { intent: result.intent, intentScore: result.score });
  return result;
}

/**
 * Acting on a guess: when the recognizer's two best intents are close, the shopper is asked which one was
 * meant ("Do you want to stop marketing emails, or delete your account?") instead of the bot picking one.
 * Each choice is worded so that, sent back, it is recognised as its intent with high confidence.
 */
import type { Intent, RecognitionResult } from '../language/types';

/** At or above this the recognizer is trusted outright: no clarifying question, no consent double-check. */
export const HIGH_CONFIDENCE = 0.8;
/** Runner-up within this much of the best intent: too close to call. */
export const CLARIFY_MARGIN = 0.3;

/**
 * Per intent: the choice the shopper can pick (first person, words the recognizer knows well) and what it
 * means in the question ("Do you want to ... ?").
 */
export const INTENT_CHOICES: Partial<Record<Intent, { choice: string; meaning: string }>> = {
  get_suggestions: { choice: 'Get gift ideas', meaning: 'get gift ideas' },
  refine_suggestions: { choice: 'Something different', meaning: 'see something different' },
  explain_suggestion: { choice: 'Why did you suggest that', meaning: 'know why I suggested something' },
  give_feedback: { choice: 'Leave feedback', meaning: 'leave feedback' },
  opt_out_marketing: { choice: 'Stop marketing emails', meaning: 'stop marketing emails' },
  opt_out_personalization: { choice: 'Stop personalised suggestions', meaning: 'stop personalised suggestions' },
  opt_in: { choice: 'Opt back in', meaning: 'opt back in to emails or personalisation' },
  export_my_data: { choice: 'Get a copy of my data', meaning: 'get a copy of your data' },
  delete_my_data: { choice: 'Delete my account', meaning: 'delete your account' },
  identify: { choice: 'Sign in', meaning: 'sign in' },
  human_agent: { choice: 'Talk to a person', meaning: 'talk to a person' },
  help: { choice: 'What can you do', meaning: 'hear what I can do' },
  cancel: { choice: 'Cancel', meaning: 'cancel' },
  goodbye: { choice: 'Goodbye', meaning: 'end the chat' },
};

export interface Clarification {
  question: string;
  choices: string[];
}

/** The question to ask, or null when the best intent is clear enough to act on. */
export function clarificationFor(recognition: RecognitionResult): Clarification | null {
  const best = INTENT_CHOICES[recognition.intent];
  const runnerUp = recognition.alternatives?.[0];
  if (!best || !runnerUp || recognition.score >= HIGH_CONFIDENCE) return null;
  const other = INTENT_CHOICES[runnerUp.intent];
  if (!other || recognition.score - runnerUp.score > CLARIFY_MARGIN) return null;
  return { question: `Do you want to ${best.meaning}, or ${other.meaning}?`, choices: [best.choice, other.choice] };
}

/** Changing consent on a guess is not acceptable: below high confidence the shopper confirms first. */
export function needsConsentConfirmation(recognition: RecognitionResult): boolean {
  return recognition.score < HIGH_CONFIDENCE;
}

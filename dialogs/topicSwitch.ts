/**
 * A shopper in the middle of a flow who clearly asks for something another flow does ("show me candles under £10"
 * while being asked for their email, "stop sending me offers" in the middle of a survey) is taken there, instead of
 * being asked the same question again; "goodbye" ends the chat from any question. Only a confident request counts, never an answer to the question asked
 * (an offered choice, an email address, a comment), and never one the active flows already handle.
 */
import type { DialogContext } from 'botbuilder-dialogs';
import type { Recognizer } from '../language/types';
import { activeDialogIds, isPlainAnswer } from './activePrompt';
import { IDENTIFY_DIALOG } from './identifyDialog';
import { PRIVACY_DIALOG } from './privacy/privacyDialog';
import { routeByRule, routeFor, type Route } from './routing';
import { SUGGESTIONS_DIALOG } from './suggestions/suggestionsDialog';
import { COMMENT, SURVEY_DIALOG } from './survey/surveyDialog';
import { recognizeTurn } from './turn';

/** Higher than the interruption threshold: leaving a half-answered question needs a clear request. */
export const TOPIC_SWITCH_MIN_SCORE = 0.8;

const FLOW_OF_ROUTE: Partial<Record<Route['kind'], string>> = {
  suggestions: SUGGESTIONS_DIALOG, privacy: PRIVACY_DIALOG, identify: IDENTIFY_DIALOG, feedback: SURVEY_DIALOG,
};

/** Prompts whose answer is free text. */
const FREE_TEXT_PROMPTS = new Set([COMMENT]);

/** True when this turn asks for a flow that is not active now (`dc`: the root dialog's inner context). */
export async function asksForAnotherFlow(dc: DialogContext, recognizer: Recognizer): Promise<boolean> {
  const text = dc.context.activity.text;
  if (typeof text !== 'string' || dc.context.activity.value !== undefined || isPlainAnswer(dc, text)) return false;
  const active = activeDialogIds(dc);
  if (active.length === 0 || FREE_TEXT_PROMPTS.has(active[active.length - 1])) return false;
  const recognition = await recognizeTurn(dc.context, recognizer);
  if (recognition.score < TOPIC_SWITCH_MIN_SCORE) return false;
  const route = routeFor(text, recognition);
  // "Goodbye" leaves any question; a bare "no" or "that's all" is left to the question, which may be a yes/no one.
  if (route.kind === 'done') return recognition.intent === 'goodbye' && routeByRule(text) === null;
  const flow = FLOW_OF_ROUTE[route.kind];
  return flow !== undefined && !active.includes(flow);
}

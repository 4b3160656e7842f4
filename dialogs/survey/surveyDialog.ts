/**
 * The feedback survey: CSAT 1-5, NPS 0-10, an optional comment, a thank-you. "skip" works at every question.
 * Whether it may be offered at all (once per conversation, the 30-day rule) is decided before it starts.
 */
import { ConfirmPrompt, ListStyle, TextPrompt, WaterfallDialog } from '../dialogClasses';
import type { DialogTurnResult, PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import type { SurveyAnswers } from '../../services/ports';
import type { DialogDeps } from '../deps';
import { flowResult } from '../flowResult';
import { InterruptibleDialog } from '../interruptibleDialog';
import { loadSession } from '../session';
import { question, statement } from '../speech/messages';
import { isVoiceActivity } from '../speech/voice';
import { stepValues } from '../stepValues';
import { suggestionContext } from '../suggestions/itemActions';
import { SKIP, readComment, readCsat, readRating } from './answers';

export const SURVEY_DIALOG = 'surveyDialog';
const FLOW = 'survey.flow';
const OFFER = 'survey.offer';
const CSAT = 'survey.csat';
const NPS = 'survey.nps';
/** Free text: whatever is said here is the comment, never a new request. */
export const COMMENT = 'survey.comment';

export interface SurveyOptions {
  /** Ask first whether the shopper wants to answer (the proactive offer); false when they asked for it. */
  offer: boolean;
}

interface SurveyValues { csat: number | null; nps: number | null }

const ratingValidator = (min: number, max: number) => async (p: PromptValidatorContext<string>): Promise<boolean> =>
  readRating(p.recognized.value ?? '', min, max) !== null;

const CSAT_CHOICES = ['1', '2', '3', '4', '5', 'Skip'];
// Every score from 0 to 10: NPS needs the whole scale, and a shortened one steers the answer.
const NPS_CHOICES = [...Array.from({ length: 11 }, (_, n) => String(n)), 'Skip'];

export class SurveyDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(SURVEY_DIALOG, deps);
    const offer = new ConfirmPrompt(OFFER, undefined, 'en-us');
    offer.style = ListStyle.none;
    this.addDialog(offer);
    this.addDialog(new TextPrompt(CSAT, async (p: PromptValidatorContext<string>) => readCsat(p.recognized.value ?? '') !== null));
    this.addDialog(new TextPrompt(NPS, ratingValidator(0, 10)));
    this.addDialog(new TextPrompt(COMMENT, async (p: PromptValidatorContext<string>) => readComment(p.recognized.value ?? '') !== null));
    this.addDialog(new WaterfallDialog(FLOW, [
      this.offer.bind(this), this.askCsat.bind(this), this.askNps.bind(this), this.askComment.bind(this), this.submit.bind(this),
    ]));
    this.initialDialogId = FLOW;
  }

  private async offer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { offer } = step.options as SurveyOptions;
    if (!offer) return step.next(true);
    return step.prompt(OFFER, {
      prompt: question('Before you go, would you answer two quick questions about this chat?', { choices: ['Yes', 'No'] }),
      retryPrompt: question('Please say "yes" to answer two quick questions, or "no" to skip them.', { choices: ['Yes', 'No'] }),
    });
  }

  private async askCsat(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== true) {
      await step.context.sendActivity(statement('No problem. Thanks for shopping with us, goodbye!'));
      return step.endDialog(flowResult('ended'));
    }
    return step.prompt(CSAT, {
      prompt: question('How satisfied are you with this chat, from 1 (not at all) to 5 (very)?', { choices: CSAT_CHOICES }),
      retryPrompt: question('Please give a number from 1 to 5, for example "4" or "four", or a word like "fine" or "great", or say "skip".', { speak: 'Please say a number from 1 to 5, or skip.', choices: CSAT_CHOICES }),
    });
  }

  private async askNps(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const csat = readCsat(String(step.result));
    stepValues<SurveyValues>(step).csat = ratingOrNull(csat?.answer ?? null);
    // A worded answer is echoed as the score it was stored as, so the shopper sees what was recorded.
    const noted = csat?.worded ? `Noted as ${csat.answer} out of 5. ` : '';
    return step.prompt(NPS, {
      prompt: question(`${noted}How likely are you to recommend us to a friend, from 0 (not at all) to 10 (extremely)?`, { choices: NPS_CHOICES }),
      retryPrompt: question('Please give a number from 0 to 10, for example "8" or "eight", or say "skip".', { speak: 'Please say a number from 0 to 10, or skip.', choices: NPS_CHOICES }),
    });
  }

  private async askComment(step: WaterfallStepContext): Promise<DialogTurnResult> {
    stepValues<SurveyValues>(step).nps = ratingOrNull(readRating(String(step.result), 0, 10));
    // A voice user is never told to type: they say their comment.
    const voice = isVoiceActivity(step.context.activity);
    return step.prompt(COMMENT, {
      prompt: question(voice ? 'Anything you would like to add? Just say it, or say "skip".' : 'Anything you would like to add? Type a comment, or say "skip".', { choices: ['Skip'] }),
      retryPrompt: question(voice ? 'Please keep your comment short, or say "skip".' : 'Please keep your comment under 1000 characters, or say "skip".', { choices: ['Skip'] }),
    });
  }

  private async submit(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = stepValues<SurveyValues>(step);
    const comment = readComment(String(step.result));
    const session = await loadSession(this.deps.session, step.context);
    const answers: SurveyAnswers = {
      csat: values.csat ?? null,
      nps: values.nps ?? null,
      comment: comment === SKIP ? null : comment,
      followsSuggestions: [...session.shownProductIds],
    };
    const answeredAnything = answers.csat !== null || answers.nps !== null || answers.comment !== null;
    if (answeredAnything) await this.deps.services.feedback.submit(suggestionContext(step.context, session), answers);
    await step.context.sendActivity(statement(answeredAnything ? 'Thank you for your feedback!' : 'No problem, nothing was recorded.'));
    const { offer } = step.options as SurveyOptions;
    return step.endDialog(flowResult(offer ? 'ended' : 'completed'));
  }
}

function ratingOrNull(answer: number | typeof SKIP | null): number | null {
  return typeof answer === 'number' ? answer : null;
}

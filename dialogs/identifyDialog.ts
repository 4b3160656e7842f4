/**
 * Identification with the account email plus one second factor (postcode or a past order number).
 * Replies never reveal whether an email exists: the service returns the same
 * `rejected` outcome for an unknown email and a wrong factor, and this dialog words both the same way.
 */
import { ConfirmPrompt, ListStyle, TextPrompt, WaterfallDialog } from './dialogClasses';
import type { PromptValidatorContext, WaterfallStepContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { ChannelUser } from '../services/ports';
import type { DialogDeps } from './deps';
import { flowResult } from './flowResult';
import { InterruptibleDialog } from './interruptibleDialog';
import { loadSession, startSignIn } from './session';
import { question, statement } from './speech/messages';
import { stepValues } from './stepValues';
import { annotate } from './turn';
import { isVoiceActivity } from './speech/voice';
import { readSecondFactor, readSpokenEmail } from '../language/entities/spokenContact';

interface IdentifyValues { email: string }

export const IDENTIFY_DIALOG = 'identifyDialog';
const FLOW = 'identify.flow';
const EMAIL = 'identify.email';
const FACTOR = 'identify.factor';
const RETRY = 'identify.retry';


const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_FACTOR_LENGTH = 40;

export function channelUser(context: TurnContext): ChannelUser {
  return { channelId: context.activity.channelId, userId: context.activity.from.id };
}

/** Whole minutes left on a lock, rounded up so "15 minutes" is never understated. */
export function minutesUntil(isoTime: string, now: Date = new Date()): number {
  return Math.max(1, Math.ceil((Date.parse(isoTime) - now.getTime()) / 60_000));
}

export function lockedMessage(until: string): string {
  const minutes = minutesUntil(until);
  return `For your security, signing in is locked for ${minutes} minute${minutes === 1 ? '' : 's'} after three failed attempts. `
    + 'You can carry on as a guest meanwhile.';
}

/** Whatever answers a sign-in question is a credential: the transcript keeps only that it was given. */
function hideFromTranscript(context: TurnContext): void {
  annotate(context, { sensitiveInput: true });
}

export class IdentifyDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(IDENTIFY_DIALOG, deps);
    // The validators also normalise what a speech recogniser wrote ("priya dot shah at example dot com").
    this.addDialog(new TextPrompt(EMAIL, async (p: PromptValidatorContext<string>) => {
      hideFromTranscript(p.context);
      p.recognized.value = readSpokenEmail(p.recognized.value ?? '') ?? p.recognized.value;
      return EMAIL_PATTERN.test((p.recognized.value ?? '').trim());
    }));
    this.addDialog(new TextPrompt(FACTOR, async (p: PromptValidatorContext<string>) => {
      hideFromTranscript(p.context);
      const factor = readSecondFactor(p.recognized.value ?? '');
      p.recognized.value = factor;
      return factor.length > 0 && factor.length <= MAX_FACTOR_LENGTH;
    }));
    const retry = new ConfirmPrompt(RETRY, undefined, 'en-us');
    retry.style = ListStyle.none;
    this.addDialog(retry);
    this.addDialog(new WaterfallDialog(FLOW, [
      this.checkLock.bind(this), this.askEmail.bind(this), this.askFactor.bind(this),
      this.verify.bind(this), this.afterRetryQuestion.bind(this),
    ]));
    this.initialDialogId = FLOW;
  }

  private async checkLock(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = await loadSession(this.deps.session, step.context);
    if (session.profile) {
      await step.context.sendActivity(statement(`You're already signed in as ${session.profile.displayName}.`));
      return step.endDialog(flowResult('completed', true));
    }
    const lockedUntil = await this.deps.services.identity.lockedUntil(channelUser(step.context));
    if (lockedUntil) {
      await step.context.sendActivity(statement(lockedMessage(lockedUntil)));
      return step.endDialog(flowResult('completed', false));
    }
    return step.next();
  }

  private async askEmail(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(EMAIL, {
      prompt: question("What's the email address on your account?"),
      retryPrompt: question(isVoiceActivity(step.context.activity)
        ? "Sorry, I didn't get that email. Say it like priya dot shah at example dot com, or say \"cancel\"."
        : "That doesn't look like an email address. Please type the one on your account, or say \"cancel\"."),
    });
  }

  private async askFactor(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // Held in step values only until the next turn; never logged.
    stepValues<IdentifyValues>(step).email = String(step.result).trim();
    return step.prompt(FACTOR, {
      prompt: question('Thanks. Now your postcode, or the number of a past order?'),
      retryPrompt: question('Please give the postcode on your account or a past order number.'),
    });
  }

  private async verify(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = stepValues<IdentifyValues>(step);
    const email = values.email ?? '';
    const outcome = await this.deps.services.identity.identify(channelUser(step.context), email, String(step.result).trim());
    delete values.email;
    const session = await loadSession(this.deps.session, step.context);
    switch (outcome.kind) {
      case 'identified':
        startSignIn(session, outcome.profile, { method: 'factor', expiresAt: null }, this.deps.policy.now());
        annotate(step.context, { customerId: outcome.profile.customerId, segment: outcome.profile.segment });
        await step.context.sendActivity(statement(`Thanks, ${outcome.profile.displayName}, you're signed in.`));
        return step.endDialog(flowResult('completed', true));
      case 'locked':
        session.guest = true;
        await step.context.sendActivity(statement(lockedMessage(outcome.until)));
        return step.endDialog(flowResult('completed', false));
      case 'rejected': {
        const left = outcome.attemptsLeft;
        await step.context.sendActivity(statement(
          `Sorry, I couldn't verify those details. ${left} attempt${left === 1 ? '' : 's'} left before signing in is paused for 15 minutes.`,
        ));
        return step.prompt(RETRY, {
          prompt: question('Would you like to try again?', { choices: ['Yes', 'No'] }),
          retryPrompt: question('Please say "yes" to try again or "no" to carry on as a guest.', { choices: ['Yes', 'No'] }),
        });
      }
    }
  }

  private async afterRetryQuestion(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === true) return step.replaceDialog(FLOW);
    const session = await loadSession(this.deps.session, step.context);
    session.guest = true;
    await step.context.sendActivity(statement("OK, you're browsing as a guest."));
    return step.endDialog(flowResult('completed', false));
  }
}

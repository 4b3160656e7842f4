/**
 * The root dialog: identifies from a signed token when one comes in, routes each request by intent
 * (or by a card button's value) to one flow, then asks "anything else?". It ends after every flow, so
 * the next message starts a fresh route and card buttons work whatever happened before.
 */
import { ComponentDialog, WaterfallDialog } from './dialogClasses';
import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { Services } from '../services/ports';
import type { Recognizer } from '../language/types';
import { clarificationFor, needsConsentConfirmation } from './clarify';
import {
  COMPLAINT_CHOICES, COMPLAINT_QUESTION, ENGLISH_ONLY, GENERAL_HELP, MAIN_CHOICES, NOT_UNDERSTOOD, SERVICE_CHOICES, SERVICE_QUESTION, SHOP_INFO_QUESTION,
} from './copy';
import { otherLanguageOf } from './outOfScope';
import type { DialogDeps } from './deps';
import { flowResult, isFlowResult } from './flowResult';
import { IDENTIFY_DIALOG, IdentifyDialog, channelUser } from './identifyDialog';
import { handOff } from './interruptions';
import { PRIVACY_DIALOG, PrivacyDialog } from './privacy/privacyDialog';
import type { PrivacyOptions } from './privacy/privacyDialog';
import { routeByRule, routeFor } from './routing';
import { DEFAULT_SESSION_POLICY, loadSession, signInEnded, signOut, startSignIn } from './session';
import type { ConversationSession, SessionAccessor, SessionPolicy } from './session';
import { SIGN_IN_ENDED, identityTokenOf, tokenDigest } from './signIn';
import { welcomeActivity } from './welcome';
import { question, statement } from './speech/messages';
import { isVoiceActivity } from './speech/voice';
import { parseCardAction } from './suggestions/cards';
import { SUGGESTIONS_DIALOG, SuggestionsDialog } from './suggestions/suggestionsDialog';
import type { SuggestionsOptions } from './suggestions/suggestionsDialog';
import { SURVEY_DIALOG, SurveyDialog } from './survey/surveyDialog';
import type { SurveyOptions } from './survey/surveyDialog';
import { annotate, noRecognition, recognizeTurn } from './turn';
import { asksForAnotherFlow } from './topicSwitch';
import { treatmentFor } from './experimentTreatment';
import { DEFAULT_SURVEY_TIMING } from '../services/experiments/treatments';

export const MAIN_DIALOG = 'mainDialog';
/** Set in turnState when this turn already greeted the shopper by name (signed identity). */
const GREETED = Symbol('main.greeted');
const FLOW = 'main.flow';

export class MainDialog extends ComponentDialog {
  private readonly deps: DialogDeps;

  constructor(
    services: Services, recognizer: Recognizer, session: SessionAccessor, policy: SessionPolicy = DEFAULT_SESSION_POLICY, publicBaseUrl?: string,
  ) {
    super(MAIN_DIALOG);
    this.deps = { services, recognizer, session, policy, publicBaseUrl };
    this.addDialog(new IdentifyDialog(this.deps));
    this.addDialog(new SuggestionsDialog(this.deps));
    this.addDialog(new SurveyDialog(this.deps));
    this.addDialog(new PrivacyDialog(this.deps));
    this.addDialog(new WaterfallDialog(FLOW, [this.route.bind(this), this.followUp.bind(this)]));
    this.initialDialogId = FLOW;
  }

  protected override async onBeginDialog(inner: DialogContext, options?: object): Promise<DialogTurnResult> {
    await this.prepareTurn(inner.context);
    return super.onBeginDialog(inner, options);
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    await this.prepareTurn(inner.context);
    if (await asksForAnotherFlow(inner, this.deps.recognizer)) {
      // The half-answered question is dropped and this message is routed afresh, as if nothing was open.
      await inner.cancelAllDialogs();
      return inner.beginDialog(FLOW);
    }
    return super.onContinueDialog(inner);
  }

  /** The sign-in (checked again every turn), the voice flag and the annotations, before any routing. */
  private async prepareTurn(context: TurnContext): Promise<void> {
    const session = await loadSession(this.deps.session, context);
    session.voice = isVoiceActivity(context.activity);
    await this.checkSignIn(context, session, true);
    annotate(context, {
      customerId: session.profile?.customerId ?? null,
      segment: session.profile?.segment ?? null,
      voice: session.voice,
    });
  }

  /**
   * A token sent with this turn is verified again (a new customer replaces the old); a sign-in whose token
   * has expired, or whose email + factor session has been idle too long, ends here and the turn is a guest's.
   */
  private async checkSignIn(context: TurnContext, session: ConversationSession, greet: boolean): Promise<void> {
    const now = this.deps.policy.now();
    const token = identityTokenOf(context.activity);
    if (token !== undefined && (await this.acceptToken(context, session, token, now, greet))) return;
    const ended = signInEnded(session, this.deps.policy);
    if (ended) {
      signOut(session);
      session.guest = false;
      await context.sendActivity(statement(SIGN_IN_ENDED[ended](this.deps.policy.idleMinutes)));
    } else if (session.signIn) {
      session.signIn.lastActiveAt = now.toISOString();
    }
  }

  /** True when the token signed this person in (or kept them signed in). */
  private async acceptToken(context: TurnContext, session: ConversationSession, token: unknown, now: Date, greet: boolean): Promise<boolean> {
    const digest = tokenDigest(token);
    const { signIn } = session;
    if (session.profile && signIn?.tokenDigest === digest && signInEnded(session, this.deps.policy) === null) {
      signIn.lastActiveAt = now.toISOString();
      return true;
    }
    // The service logs forged or expired tokens; the shopper simply stays unidentified.
    const signed = await this.deps.services.identity.verifySignedIdentity(token, channelUser(context));
    if (!signed) return false;
    const isNew = session.profile?.customerId !== signed.profile.customerId;
    startSignIn(session, signed.profile, { method: 'token', expiresAt: signed.expiresAt, tokenDigest: digest }, now);
    if (isNew && greet) {
      await context.sendActivity(statement(`Hi ${signed.profile.displayName}, you're signed in.`));
      context.turnState.set(GREETED, true);
    }
    return true;
  }

  /** For members joining: the welcome, addressed to the customer when the host page signed them in. */
  async welcome(context: TurnContext): Promise<void> {
    const session = await loadSession(this.deps.session, context);
    session.welcomed = true;
    session.voice = isVoiceActivity(context.activity);
    await this.checkSignIn(context, session, false);
    annotate(context, { customerId: session.profile?.customerId ?? null, segment: session.profile?.segment ?? null, voice: session.voice });
    await context.sendActivity(welcomeActivity(context, session.profile));
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const text = typeof context.activity.text === 'string' ? context.activity.text.trim() : '';
    const action = parseCardAction(context.activity.value);
    if (action) {
      return step.beginDialog(SUGGESTIONS_DIALOG, { action, recognition: noRecognition(), text } satisfies SuggestionsOptions);
    }
    if (text === '') return step.next(flowResult('ended'));
    const recognition = await recognizeTurn(context, this.deps.recognizer);
    const session = await loadSession(this.deps.session, context);
    const route = routeFor(text, recognition);
    const clarification = route.kind === 'done' || route.kind === 'unknown' || routeByRule(text) ? null : clarificationFor(recognition);
    if (clarification) {
      await context.sendActivity(question(clarification.question, { choices: clarification.choices }));
      return step.next(flowResult('asked'));
    }
    switch (route.kind) {
      case 'suggestions':
        return step.beginDialog(SUGGESTIONS_DIALOG, { recognition, text } satisfies SuggestionsOptions);
      case 'privacy':
        return step.beginDialog(PRIVACY_DIALOG, {
          request: route.request, consentTopic: recognition.entities.consentTopic, confirmFirst: needsConsentConfirmation(recognition),
        } satisfies PrivacyOptions);
      case 'identify':
        return step.beginDialog(IDENTIFY_DIALOG);
      case 'feedback':
        return this.startSurvey(step, session, false);
      case 'done':
        return this.wrapUp(step, session);
      case 'handoff':
        await handOff(context, this.deps, 'main menu');
        return step.next(flowResult('handoff'));
      case 'greet': {
        if (!session.welcomed && !session.profile) {
          // A channel without a join event (curl, some voice clients): the first greeting gets the welcome.
          session.welcomed = true;
          await context.sendActivity(welcomeActivity(context));
          return step.next(flowResult('asked'));
        }
        const name = session.profile ? ` ${session.profile.displayName}` : '';
        const greeting = context.turnState.get(GREETED) ? 'What can I help you with?' : `Hello${name}! What can I help you with?`;
        await context.sendActivity(question(greeting, { choices: MAIN_CHOICES }));
        return step.next(flowResult('asked'));
      }
      case 'help':
        await context.sendActivity(statement(GENERAL_HELP));
        await context.sendActivity(question('What would you like to do?', { choices: MAIN_CHOICES }));
        return step.next(flowResult('asked'));
      case 'cancel':
        await context.sendActivity(question('There is nothing to cancel. What would you like to do?', { choices: MAIN_CHOICES }));
        return step.next(flowResult('asked'));
      case 'service':
        await context.sendActivity(question(route.topic === 'shop' ? SHOP_INFO_QUESTION : SERVICE_QUESTION, { choices: [...SERVICE_CHOICES] }));
        return step.next(flowResult('asked'));
      case 'complaint':
        await context.sendActivity(question(COMPLAINT_QUESTION, { choices: [...COMPLAINT_CHOICES] }));
        return step.next(flowResult('asked'));
      case 'unknown': {
        const language = otherLanguageOf(text);
        const speak = language ? 'Sorry, I can only chat in English for now.' : undefined;
        await context.sendActivity(question(language ? ENGLISH_ONLY(language) : NOT_UNDERSTOOD, { speak, choices: [...MAIN_CHOICES, 'Talk to a person'] }));
        return step.next(flowResult('asked'));
      }
    }
  }

  /** The survey, if this conversation has not had one and the 30-day rule allows it. */
  private async startSurvey(step: WaterfallStepContext, session: ConversationSession, offer: boolean): Promise<DialogTurnResult> {
    const customerId = session.profile?.customerId ?? null;
    if (!session.surveyOffered && (await this.deps.services.feedback.canOffer(customerId))) {
      session.surveyOffered = true;
      return step.beginDialog(SURVEY_DIALOG, { offer } satisfies SurveyOptions);
    }
    if (offer) return this.goodbye(step);
    await step.context.sendActivity(statement('Thank you, you have already given us feedback recently.'));
    return step.next(flowResult('completed'));
  }

  /** The shopper is done: after a round of suggestions that is when the survey is offered, once. */
  private async wrapUp(step: WaterfallStepContext, session: ConversationSession): Promise<DialogTurnResult> {
    if (!session.surveyOffered && (await this.offersSurveyOnGoodbye(step.context, session))) return this.startSurvey(step, session, true);
    return this.goodbye(step);
  }

  /** By default after a round of suggestions; an experiment variant may offer it always, or only on request. */
  private async offersSurveyOnGoodbye(context: TurnContext, session: ConversationSession): Promise<boolean> {
    const timing = (await treatmentFor(this.deps, context, session))?.surveyTiming ?? DEFAULT_SURVEY_TIMING;
    return timing === 'always_on_goodbye' || (timing === 'after_suggestions' && session.shownProductIds.length > 0);
  }

  private async goodbye(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(statement('Thanks for visiting. Goodbye!'));
    return step.next(flowResult('ended'));
  }

  private async followUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const outcome = isFlowResult(step.result) ? step.result.outcome : 'completed';
    if (outcome === 'completed') {
      await step.context.sendActivity(question('Anything else I can help with?', { choices: ['Gift ideas', "No, that's all"] }));
    } else if (outcome === 'cancelled') {
      await step.context.sendActivity(question("OK, I've stopped that. What would you like to do instead?", { choices: MAIN_CHOICES }));
    }
    return step.endDialog();
  }
}

/**
 * Privacy requests: marketing and personalisation opt-out / opt back in, "what do you know about me"
 * (summary + JSON file) and "delete my data" (explicit confirmation, then erasure and sign-out).
 * Every change goes through PrivacyService at once; a guest is first offered to sign in.
 */
import { ConfirmPrompt, ListStyle, TextPrompt, WaterfallDialog } from '../dialogClasses';
import type { DialogTurnResult, PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { CustomerProfile } from '../../services/ports';
import type { DialogDeps } from '../deps';
import { flowResult } from '../flowResult';
import { IDENTIFY_DIALOG } from '../identifyDialog';
import { InterruptibleDialog } from '../interruptibleDialog';
import { currentProfile, loadSession, signOut } from '../session';
import { question, statement } from '../speech/messages';
import { stepValues } from '../stepValues';
import { annotate } from '../turn';
import { exportAttachment, exportSummary, spokenExportSummary } from './exportSummary';

export const PRIVACY_DIALOG = 'privacyDialog';
const FLOW = 'privacy.flow';
const IDENTIFY_FIRST = 'privacy.identifyFirst';
const TOPIC = 'privacy.topic';
const CONFIRM_DELETE = 'privacy.confirmDelete';
const CONFIRM_CONSENT = 'privacy.confirmConsent';


export type PrivacyRequest = 'opt_out_marketing' | 'opt_out_personalization' | 'opt_in' | 'export_my_data' | 'delete_my_data';
export type ConsentTopic = 'marketing' | 'personalization';

export interface PrivacyOptions {
  request: PrivacyRequest;
  consentTopic?: ConsentTopic;
  /** The request was recognised with less than high confidence: ask before changing consent. */
  confirmFirst?: boolean;
}

interface ConsentChange {
  topic: ConsentTopic;
  granted: boolean;
}

interface PrivacyValues {
  /** The consent change waiting for the shopper's yes. */
  pendingConsent: ConsentChange;
}

const CONSENT_QUESTIONS: Record<ConsentTopic, Record<'on' | 'off', string>> = {
  marketing: { off: 'Just to check: stop all marketing messages from us?', on: 'Just to check: send you offers and news again?' },
  personalization: {
    off: 'Just to check: stop using your history and profile for my suggestions?',
    on: 'Just to check: tailor my suggestions to you again?',
  },
};

const MARKETING = /\bmarketing|e-?mails?|offers?|newsletters?\b/i;
const PERSONALISATION = /\bpersonali[sz](ation|ed)|tailored|history\b/i;

export function topicFromText(text: string): ConsentTopic | null {
  if (MARKETING.test(text)) return 'marketing';
  if (PERSONALISATION.test(text)) return 'personalization';
  return null;
}

const CONFIRMATIONS: Record<ConsentTopic, Record<'on' | 'off', string>> = {
  marketing: {
    off: "Done: you won't get marketing messages from us any more. Say \"opt in to marketing\" to change that.",
    on: "Done: you'll hear about offers and news from us again.",
  },
  personalization: {
    off: "Done: from now on my suggestions won't use your history or profile. Say \"opt in to personalisation\" to undo.",
    on: 'Done: my suggestions will be tailored to you again.',
  },
};

/** The same, for the ear: how to undo is one "help" away, not worth half the turn. */
const SPOKEN_CONFIRMATIONS: Record<ConsentTopic, Record<'on' | 'off', string>> = {
  marketing: { off: "Done: no more marketing messages from us.", on: CONFIRMATIONS.marketing.on },
  personalization: { off: "Done: my suggestions won't use your history any more.", on: CONFIRMATIONS.personalization.on },
};

export class PrivacyDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(PRIVACY_DIALOG, deps);
    for (const id of [IDENTIFY_FIRST, CONFIRM_DELETE, CONFIRM_CONSENT]) {
      const confirm = new ConfirmPrompt(id, undefined, 'en-us');
      confirm.style = ListStyle.none;
      this.addDialog(confirm);
    }
    this.addDialog(new TextPrompt(TOPIC, async (p: PromptValidatorContext<string>) => topicFromText(p.recognized.value ?? '') !== null));
    this.addDialog(new WaterfallDialog(FLOW, [
      this.offerIdentification.bind(this), this.identifyIfAgreed.bind(this), this.act.bind(this), this.finish.bind(this),
    ]));
    this.initialDialogId = FLOW;
  }

  private request(step: WaterfallStepContext): PrivacyOptions {
    return step.options as PrivacyOptions;
  }

  private async offerIdentification(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = await loadSession(this.deps.session, step.context);
    if (session.profile) return step.next(false);
    return step.prompt(IDENTIFY_FIRST, {
      prompt: question(
        'I can only do that once I know who you are: sign in with your account email and your postcode or a past order number. Shall we do that now?',
        { speak: 'I need to know who you are first. Shall we sign in now?', choices: ['Yes', 'No'] },
      ),
      retryPrompt: question('Please say "yes" to sign in now, or "no" to leave it for now.', { choices: ['Yes', 'No'] }),
    });
  }

  private async identifyIfAgreed(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = await loadSession(this.deps.session, step.context);
    if (session.profile) return step.next();
    if (step.result === true) return step.beginDialog(IDENTIFY_DIALOG);
    await step.context.sendActivity(statement('OK. Just say "sign in" whenever you are ready.'));
    return step.endDialog(flowResult('completed'));
  }

  private async act(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.signedInNow(step.context);
    if (!profile) return step.endDialog(flowResult('completed'));
    const { request, consentTopic } = this.request(step);
    switch (request) {
      case 'opt_out_marketing':
        return this.changeConsent(step, profile, { topic: 'marketing', granted: false });
      case 'opt_out_personalization':
        return this.changeConsent(step, profile, { topic: 'personalization', granted: false });
      case 'opt_in':
        if (consentTopic) return this.changeConsent(step, profile, { topic: consentTopic, granted: true });
        return step.prompt(TOPIC, {
          prompt: question('What would you like to opt back in to: marketing messages, or personalised suggestions?', { choices: ['Marketing', 'Personalisation'] }),
          retryPrompt: question('Please choose "marketing" or "personalisation".', { choices: ['Marketing', 'Personalisation'] }),
        });
      case 'export_my_data': {
        const data = await this.deps.services.privacy.exportData(profile.customerId);
        const summary = exportSummary(profile, data);
        await step.context.sendActivity(statement(`${summary} The attached file has all of it.`, {
          // The file is for screens only: the spoken version is a short summary alone.
          speak: spokenExportSummary(profile, data), attachments: [exportAttachment(data)],
        }));
        return step.endDialog(flowResult('completed'));
      }
      case 'delete_my_data':
        return step.prompt(CONFIRM_DELETE, {
          prompt: question(
            'This permanently erases your personal data, preferences, linked accounts and feedback links. Orders are kept only in anonymous form. Are you sure?',
            { speak: 'This permanently erases your personal data. Orders stay, but only anonymously. Are you sure?', choices: ['Yes, delete', 'No'] },
          ),
          retryPrompt: question('Please say "yes" to erase your data, or "no" to keep it.', { choices: ['Yes, delete', 'No'] }),
        });
    }
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = await loadSession(this.deps.session, step.context);
    const profile = await this.signedInNow(step.context);
    if (!profile) {
      await step.context.sendActivity(statement('You are no longer signed in, so nothing was changed.'));
      return step.endDialog(flowResult('completed'));
    }
    const pending = stepValues<PrivacyValues>(step).pendingConsent;
    if (pending) {
      if (step.result === true) await this.setConsent(step.context, profile, pending.topic, pending.granted);
      else await step.context.sendActivity(statement("OK, I haven't changed anything."));
      return step.endDialog(flowResult('completed'));
    }
    if (this.request(step).request === 'opt_in') {
      const topic = topicFromText(String(step.result));
      if (topic) await this.setConsent(step.context, profile, topic, true);
      return step.endDialog(flowResult('completed'));
    }
    if (step.result !== true) {
      await step.context.sendActivity(statement('OK, nothing was deleted.'));
      return step.endDialog(flowResult('completed'));
    }
    await this.deps.services.privacy.erase(profile.customerId);
    signOut(session);
    annotate(step.context, { customerId: null, segment: null });
    await step.context.sendActivity(statement(
      "Done. Your personal data has been erased and you're signed out. Past orders are kept only in anonymous form.",
      { speak: "Done. Your data is erased and you're signed out." },
    ));
    return step.endDialog(flowResult('completed'));
  }

  /** Export, consent changes and erasure act only for a sign-in that holds at this moment. */
  private async signedInNow(context: TurnContext): Promise<CustomerProfile | null> {
    return currentProfile(await loadSession(this.deps.session, context), this.deps.policy);
  }

  /** Applies a consent change, or first asks "just to check" when the request was not recognised confidently. */
  private async changeConsent(step: WaterfallStepContext, profile: CustomerProfile, change: ConsentChange): Promise<DialogTurnResult> {
    if (!this.request(step).confirmFirst) {
      await this.setConsent(step.context, profile, change.topic, change.granted);
      return step.endDialog(flowResult('completed'));
    }
    stepValues<PrivacyValues>(step).pendingConsent = change;
    const ask = CONSENT_QUESTIONS[change.topic][change.granted ? 'on' : 'off'];
    return step.prompt(CONFIRM_CONSENT, {
      prompt: question(ask, { choices: ['Yes', 'No'] }),
      retryPrompt: question(`Please say "yes" or "no". ${ask}`, { choices: ['Yes', 'No'] }),
    });
  }

  private async setConsent(context: TurnContext, profile: CustomerProfile, topic: ConsentTopic, granted: boolean): Promise<void> {
    profile.consent = await this.deps.services.privacy.setConsent(profile.customerId, topic, granted);
    await context.sendActivity(statement(CONFIRMATIONS[topic][granted ? 'on' : 'off'], { speak: SPOKEN_CONFIRMATIONS[topic][granted ? 'on' : 'off'] }));
  }
}

/**
 * Base for every flow: before a step sees the shopper's answer, help, cancel / start over and
 * "talk to a human" are checked (the core-bot CancelAndHelpDialog habit, plus handoff).
 */
import { ComponentDialog, DialogTurnStatus } from './dialogClasses';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { deepestActive, isPlainAnswer } from './activePrompt';
import type { DialogDeps } from './deps';
import { flowResult } from './flowResult';
import { handOff, helpFor } from './interruptions';
import { statement } from './speech/messages';
import { recognizeTurn } from './turn';

/** Below this the recognizer is not sure enough to take the shopper away from the question asked. */
const INTERRUPTION_MIN_SCORE = 0.6;

export abstract class InterruptibleDialog extends ComponentDialog {
  protected constructor(id: string, protected readonly deps: DialogDeps) {
    super(id);
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(inner)) ?? super.onContinueDialog(inner);
  }

  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const text = inner.context.activity.text;
    if (typeof text !== 'string' || isPlainAnswer(inner, text)) return undefined;
    const active = deepestActive(inner);
    const { intent, score } = await recognizeTurn(inner.context, this.deps.recognizer);
    if (score < INTERRUPTION_MIN_SCORE) return undefined;
    const asking = active?.id;
    switch (intent) {
      case 'help':
        await inner.context.sendActivity(statement(helpFor(asking)));
        await inner.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'cancel':
        await inner.cancelAllDialogs();
        return { status: DialogTurnStatus.complete, result: flowResult('cancelled') };
      case 'human_agent':
        await inner.cancelAllDialogs();
        await handOff(inner.context, this.deps, asking ?? this.id);
        return { status: DialogTurnStatus.complete, result: flowResult('handoff') };
      default:
        return undefined;
    }
  }
}

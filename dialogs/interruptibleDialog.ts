/**
 * Base for every flow: before a step sees the shopper's answer, help, cancel / start over and
 * "talk to a human" are checked (the core-bot CancelAndHelpDialog habit, plus handoff).
 */
import { ComponentDialog, DialogTurnStatus } from 'botbuilder-dialogs';
import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import type { DialogDeps } from './deps';
import { flowResult } from './flowResult';
import { handOff, helpFor } from './interruptions';
import { statement } from './speech/messages';
import { isSkip } from './survey/answers';
import { recognizeTurn } from './turn';

/** Below this the recognizer is not sure enough to take the shopper away from the question asked. */
const INTERRUPTION_MIN_SCORE = 0.6;
const EMAIL_LIKE = /\S+@\S+/;

export abstract class InterruptibleDialog extends ComponentDialog {
  protected constructor(id: string, protected readonly deps: DialogDeps) {
    super(id);
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(inner)) ?? super.onContinueDialog(inner);
  }

  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const text = inner.context.activity.text;
    // An email address or a "skip" is an answer, never a command ("help@..." must not open the help,
    // and the recognizer reads a bare "skip" as cancel).
    if (typeof text !== 'string' || text.trim() === '' || EMAIL_LIKE.test(text) || isSkip(text)) return undefined;
    const active = deepestActive(inner);
    // A quick reply we offered is always an answer (a choice like "No, that's all" is not a cancel).
    if (offeredChoices(active?.state).some((choice) => choice.toLowerCase() === text.trim().toLowerCase())) return undefined;
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

/** The innermost active dialog (normally the prompt waiting for an answer). */
function deepestActive(dc: DialogContext): DialogInstance | undefined {
  let current: DialogContext = dc;
  while (current.child) current = current.child;
  return current.activeDialog;
}

/** The suggested-action titles of the prompt a prompt dialog is waiting on (kept in its state). */
function offeredChoices(state: unknown): string[] {
  const prompt = field(field(state, 'options'), 'prompt');
  const actions = field(field(prompt, 'suggestedActions'), 'actions');
  if (!Array.isArray(actions)) return [];
  return actions.map((action: unknown) => field(action, 'title')).filter((title): title is string => typeof title === 'string');
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** What the shopper is being asked right now, read from the dialog stack (shared by the interruption checks). */
import type { DialogContext, DialogInstance } from 'botbuilder-dialogs';
import { isSkip } from './survey/answers';

const EMAIL_LIKE = /\S+@\S+/;

/** The innermost active dialog (normally the prompt waiting for an answer). */
export function deepestActive(dc: DialogContext): DialogInstance | undefined {
  let current: DialogContext = dc;
  while (current.child) current = current.child;
  return current.activeDialog;
}

/** The ids of every dialog active from `dc` down to the prompt, outermost first. */
export function activeDialogIds(dc: DialogContext): string[] {
  const ids: string[] = [];
  for (let current: DialogContext | undefined = dc; current; current = current.child) {
    if (current.activeDialog) ids.push(current.activeDialog.id);
  }
  return ids;
}

/**
 * Text that answers the question asked and is never a command: an email address or a "skip" ("help@..." must not
 * open the help, and the recognizer reads a bare "skip" as cancel), or one of the quick replies we offered (a choice
 * like "No, that's all" is not a cancel).
 */
export function isPlainAnswer(dc: DialogContext, text: string): boolean {
  if (text.trim() === '' || EMAIL_LIKE.test(text) || isSkip(text)) return true;
  const offered = offeredChoices(deepestActive(dc)?.state);
  return offered.some((choice) => choice.toLowerCase() === text.trim().toLowerCase());
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

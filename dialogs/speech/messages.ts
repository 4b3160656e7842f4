/**
 * Builders for every message the dialogs send. Each one carries SSML `speak` and an `inputHint`:
 * `question` (expectingInput) is only ever the last message of a turn, because a prompt ends the turn;
 * `statement` (ignoringInput) is everything else.
 */
import { ActionTypes, ActivityTypes, InputHints } from 'botbuilder';
import type { Activity, Attachment, CardAction } from 'botbuilder';
import { spokenList, toSsml } from './ssml';

export interface MessageOptions {
  /** What to say aloud when it differs from the text (e.g. a short version of a long card list). */
  speak?: string;
  /** Quick replies shown as suggested actions; a question also reads them out. */
  choices?: readonly string[];
  attachments?: Attachment[];
  carousel?: boolean;
}

export type OutgoingMessage = Partial<Activity>;

function build(text: string, hint: InputHints, options: MessageOptions): OutgoingMessage {
  const choices = options.choices ?? [];
  let spoken = options.speak ?? text;
  if (hint === InputHints.ExpectingInput && choices.length > 0) {
    spoken = `${spoken} You can say ${spokenList(choices.map((c) => `"${c}"`))}.`;
  }
  const message: OutgoingMessage = {
    type: ActivityTypes.Message,
    text,
    speak: toSsml(spoken),
    inputHint: hint,
  };
  if (choices.length > 0) {
    message.suggestedActions = { to: [], actions: choices.map(imBack) };
  }
  if (options.attachments && options.attachments.length > 0) {
    message.attachments = options.attachments;
    if (options.carousel) message.attachmentLayout = 'carousel';
  }
  return message;
}

function imBack(title: string): CardAction {
  return { type: ActionTypes.ImBack, title, value: title };
}

/** A message that does not ask anything. */
export function statement(text: string, options: MessageOptions = {}): OutgoingMessage {
  return build(text, InputHints.IgnoringInput, options);
}

/** A message that asks something and ends the turn (prompts, "anything else?"). */
export function question(text: string, options: MessageOptions = {}): OutgoingMessage {
  return build(text, InputHints.ExpectingInput, options);
}

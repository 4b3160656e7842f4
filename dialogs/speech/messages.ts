/**
 * Builders for every message the dialogs send. Each one carries SSML `speak` and an `inputHint`:
 * `question` (expectingInput) is only ever the last message of a turn, because a prompt ends the turn;
 * `statement` (ignoringInput) is everything else.
 *
 * `speak` is only ever played to voice users, so it is written for the ear: shared copy has a short spoken
 * version (SPOKEN_COPY), and quick replies are read out only when the question asks for it (`sayChoices`):
 * most questions already name their answers, and reading them again doubles the turn.
 */
import { ActionTypes, ActivityTypes, InputHints } from 'botbuilder';
import type { Activity, Attachment, CardAction } from 'botbuilder';
import { SPOKEN_COPY } from '../copy';
import { spokenList, toSsml } from './ssml';

export interface MessageOptions {
  /** What to say aloud when it differs from the text (e.g. a short version of a long card list). */
  speak?: string;
  /** Quick replies shown as suggested actions. */
  choices?: readonly string[];
  /** A question reads its choices out ("You can say …"): only where the question does not name them itself. */
  sayChoices?: boolean;
  attachments?: Attachment[];
  carousel?: boolean;
}

export type OutgoingMessage = Partial<Activity>;

function build(text: string, hint: InputHints, options: MessageOptions): OutgoingMessage {
  const choices = options.choices ?? [];
  let spoken = options.speak ?? SPOKEN_COPY.get(text) ?? text;
  if (hint === InputHints.ExpectingInput && options.sayChoices && choices.length > 0) {
    spoken = `${spoken} You can say ${spokenList(choices.map((c) => c.toLowerCase()))}.`;
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

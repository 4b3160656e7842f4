/**
 * Bot-layer middleware. `annotationsMiddleware` gives each turn an empty TurnAnnotations object that the
 * dialogs fill and the transcript middleware reads. `speechMiddleware` is the safety net for voice: any
 * outgoing message without SSML gets it from its text, and without an input hint gets `ignoringInput`.
 */
import { ActivityTypes, InputHints, type Middleware, type TurnContext } from 'botbuilder';
import { TURN_ANNOTATIONS, type TurnAnnotations } from '../dialogs/turn';
import { speakable } from '../dialogs/speech/ssml';

export const annotationsMiddleware: Middleware = {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const annotations: TurnAnnotations = {};
    context.turnState.set(TURN_ANNOTATIONS, annotations);
    await next();
  },
};

export const speechMiddleware: Middleware = {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      for (const activity of activities) {
        if (activity.type !== ActivityTypes.Message) continue;
        if (!activity.speak) activity.speak = speakable(activity.text ?? '');
        if (!activity.inputHint) activity.inputHint = InputHints.IgnoringInput;
      }
      return sendNext();
    });
    await next();
  },
};

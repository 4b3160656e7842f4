/**
 * The chat page's "Sign out": an event activity named `signOut` ends the bot-side sign-in of this person in this
 * conversation (the same as when a sign-in expires), and the shopper is told. Other turns pass through.
 */
import { ActivityTypes, type BotState, type Middleware, type TurnContext } from 'botbuilder';
import type { SessionAccessor } from '../dialogs';
import { loadSession, signOut } from '../dialogs/session';
import { statement } from '../dialogs/speech/messages';

const SIGN_OUT_EVENT = 'signOut';

export function signOutMiddleware(conversationState: BotState, sessions: SessionAccessor): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { activity } = context;
      if (activity.type !== ActivityTypes.Event || activity.name !== SIGN_OUT_EVENT) {
        await next();
        return;
      }
      const session = await loadSession(sessions, context);
      const wasSignedIn = session.profile !== null;
      signOut(session);
      await conversationState.saveChanges(context, false);
      await context.sendActivity(statement(wasSignedIn ? "You're signed out. I won't use your details any more in this chat." : "You're not signed in."));
    },
  };
}

/**
 * Live handoff on the bot's side. Every incoming turn refreshes the conversation reference kept for proactive
 * messages. While an agent holds the conversation the bot stays silent: the turn ends here, and the transcript
 * middleware (registered before this one) still records what the shopper said for the agent to read.
 * After a handoff outside staffed hours, the shopper's next message with an email address is taken as the
 * call-back address instead of going to the bot.
 */
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { HandoffStore } from '../data/console/handoffStore';
import { statement } from '../dialogs/speech/messages';
import type { LiveChatHub } from './liveChatHub';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

export interface AgentHoldOptions {
  handoffs: HandoffStore;
  hub: LiveChatHub;
}

export function agentHoldMiddleware({ handoffs, hub }: AgentHoldOptions): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { activity } = context;
      // A proactive continuation is the bot's own turn, not the shopper's.
      if (activity.type !== ActivityTypes.Event || activity.name !== 'ContinueConversation') hub.remember(activity);
      const conversationId = activity.conversation?.id;
      const active = conversationId && activity.type === ActivityTypes.Message ? handoffs.activeFor(conversationId) : undefined;
      if (active?.status === 'claimed') {
        await keepReference(handoffs, hub, conversationId as string);
        return;
      }
      if (active && active.mode === 'callback' && !active.callbackEmail && typeof activity.text === 'string') {
        const email = EMAIL.exec(activity.text)?.[0];
        if (email) {
          await handoffs.setCallbackEmail(active.id, email);
          await context.sendActivity(statement(`Thank you. A member of our team will get back to you at ${email} when we open.`));
          return;
        }
      }
      await next();
      // The turn may just have asked for a person.
      if (conversationId) await keepReference(handoffs, hub, conversationId);
    },
  };
}

/** A real channel's reference goes with an active handoff, so the agent can reach the shopper after a restart. */
async function keepReference(handoffs: HandoffStore, hub: LiveChatHub, conversationId: string): Promise<void> {
  const reference = hub.channelReference(conversationId);
  const active = reference ? handoffs.activeFor(conversationId) : undefined;
  if (reference && active) await handoffs.setReference(active.id, { ...reference });
}

/**
 * Live handoff on the bot's side. Every incoming turn refreshes the conversation reference kept for proactive
 * messages. While an agent holds the conversation the bot stays silent: the turn ends here, and the transcript
 * middleware (registered before this one) still records what the shopper said for the agent to read. While the
 * shopper waits for an agent, the bot only says the message is passed on (or withdraws the request on "cancel").
 * After a handoff outside staffed hours, the shopper's next message with an email address is taken as the
 * call-back address instead of going to the bot.
 */
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { HandoffRepository } from '../data/consolePorts';
import { statement } from '../dialogs/speech/messages';
import type { LiveChatHub } from './liveChatHub';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
/** How a waiting shopper says they would rather carry on with the assistant. */
const WITHDRAW = /^\s*(cancel|stop|never ?mind|back to the (bot|assistant)|no thanks)\s*[.!]?\s*$/i;

export interface AgentHoldOptions {
  handoffs: HandoffRepository;
  hub: LiveChatHub;
}

export function agentHoldMiddleware({ handoffs, hub }: AgentHoldOptions): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { activity } = context;
      // A proactive continuation is the bot's own turn, not the shopper's.
      if (activity.type !== ActivityTypes.Event || activity.name !== 'ContinueConversation') hub.remember(activity);
      const conversationId = activity.conversation?.id;
      const active = conversationId && activity.type === ActivityTypes.Message ? await handoffs.activeFor(conversationId) : undefined;
      if (active?.status === 'claimed') {
        await keepReference(handoffs, hub, conversationId as string);
        return;
      }
      if (active?.status === 'open' && active.mode === 'live') {
        await keepReference(handoffs, hub, conversationId as string);
        await waitForAgent(context, handoffs, active.id);
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

/**
 * While the shopper waits for a person the bot does not carry on as if nothing happened: it says the message is
 * passed on (the agent reads it in the transcript), or withdraws the request when the shopper says "cancel".
 */
async function waitForAgent(context: TurnContext, handoffs: HandoffRepository, handoffId: string): Promise<void> {
  const text = typeof context.activity.text === 'string' ? context.activity.text : '';
  if (WITHDRAW.test(text)) {
    await handoffs.close(handoffId, new Date().toISOString(), 'withdrawn');
    await context.sendActivity(statement("OK, I've withdrawn your request for a person. I'm here if you need anything else."));
    return;
  }
  await context.sendActivity(statement(
    'Thanks, a member of our team will see this when they join, shortly. If you would rather carry on with me, say "cancel".',
  ));
}

/** A real channel's reference goes with an active handoff, so the agent can reach the shopper after a restart. */
async function keepReference(handoffs: HandoffRepository, hub: LiveChatHub, conversationId: string): Promise<void> {
  const reference = hub.channelReference(conversationId);
  const active = reference ? await handoffs.activeFor(conversationId) : undefined;
  if (reference && active) await handoffs.setReference(active.id, { ...reference });
}

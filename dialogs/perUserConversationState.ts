/**
 * Conversation state kept per channel user: in a shared conversation (a Teams group chat, or anyone who
 * learns a conversation id) each member has their own dialog stack and session, so one member's sign-in,
 * prompts and data never serve another. Everything else behaves as botbuilder's ConversationState.
 */
import { ConversationState, type TurnContext } from 'botbuilder';

export class PerUserConversationState extends ConversationState {
  override getStorageKey(context: TurnContext): string | undefined {
    const userId = context.activity.from?.id;
    // botbuilder's own states refuse activities without the ids they key on; so does this one.
    if (!userId) throw new Error('missing activity.from.id');
    return `${super.getStorageKey(context)}users/${encodeURIComponent(userId)}`;
  }
}

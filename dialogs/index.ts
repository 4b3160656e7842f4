/**
 * The conversation layer's public surface for bot/:
 *   const session = createSessionAccessor(conversationState);
 *   const dialog = new MainDialog(services, recognizer, session);
 *   await runDialog(dialog, context, conversationState.createProperty('DialogState'));  // each message turn
 *   await context.sendActivity(welcomeActivity(context));                             // membersAdded
 */
import type { ConversationState } from 'botbuilder';
import type { ConversationSession, SessionAccessor } from './session';

export { MainDialog, MAIN_DIALOG } from './mainDialog';
export { welcomeActivity } from './welcome';
export { newSession, type ConversationSession, type SessionAccessor, type ShownItem } from './session';
export { isVoiceActivity } from './speech/voice';
export { question, statement, type OutgoingMessage } from './speech/messages';
export { speakable, toSsml, escapeXml } from './speech/ssml';

export { PerUserConversationState } from './perUserConversationState';
export { DEFAULT_SESSION_POLICY, type SessionPolicy } from './session';

export const SESSION_PROPERTY = 'conversationSession';

/** The session property; give it a PerUserConversationState so that a session belongs to one person. */
export function createSessionAccessor(conversationState: ConversationState): SessionAccessor {
  return conversationState.createProperty<ConversationSession>(SESSION_PROPERTY);
}

/** The customer a stored conversation-state item was identified as, if any (erasure removes those items). */
export function customerOfConversationState(item: Record<string, unknown>): string | null {
  const session = item[SESSION_PROPERTY] as Partial<ConversationSession> | undefined;
  return session?.profile?.customerId ?? null;
}

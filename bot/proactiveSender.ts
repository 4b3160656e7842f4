/**
 * Campaign messages into a stored conversation, through CloudAdapter.continueConversationAsync: the same
 * middleware as every turn (the transcript records the message) and the channel's connector
 * (POST /v3/conversations/{id}/activities).
 */
import { ActivityTypes, type CloudAdapter, type ConversationReference, InputHints } from 'botbuilder';
import type { StoredReference } from '../data/campaignPorts';
import type { ProactiveSender } from '../services/campaigns/campaignDispatcher';
import { speakable } from '../dialogs/speech/ssml';

export function conversationReferenceOf(stored: StoredReference): Partial<ConversationReference> {
  return {
    channelId: stored.channelId,
    serviceUrl: stored.serviceUrl,
    conversation: { id: stored.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    user: { id: stored.userId, name: '' },
    bot: { id: stored.botId, name: stored.botName },
  };
}

export class BotFrameworkProactiveSender implements ProactiveSender {
  constructor(private readonly adapter: CloudAdapter, private readonly botAppId: string) {}

  async send(reference: StoredReference, text: string): Promise<void> {
    await this.adapter.continueConversationAsync(this.botAppId, conversationReferenceOf(reference), async (context) => {
      await context.sendActivity({
        type: ActivityTypes.Message, text, speak: speakable(text), inputHint: InputHints.AcceptingInput,
        channelData: { campaign: true },
      });
    });
  }
}

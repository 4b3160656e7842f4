/**
 * The campaign side of every turn:
 * - a bare "stop" / "unsubscribe" in a conversation a campaign message went to opts that customer out of marketing
 *   at once, with a confirmation, before any dialog sees it (the dialogs would take "stop" as "cancel");
 * - after a verified customer's turn: their conversation reference is kept for proactive messages (channels that
 *   can be called back, not expectReplies), and on their first turn in a conversation a message waiting for their
 *   next visit is shown.
 */
import { ActivityTypes, DeliveryModes, type Middleware, type TurnContext } from 'botbuilder';
import type { ConversationReferenceRepository, StoredReference } from '../data/campaignPorts';
import type { CampaignDispatcher } from '../services/campaigns/campaignDispatcher';
import { STOP_REPLY, STOPPED_CONFIRMATION } from '../services/campaigns/message';
import type { Logger } from '../logging/logger';
import { TURN_ANNOTATIONS, type TurnAnnotations } from '../dialogs/turn';
import { statement } from '../dialogs/speech/messages';

export interface CampaignMiddlewareDeps {
  dispatcher: Pick<CampaignDispatcher, 'stopFrom' | 'nextVisitMessage'>;
  references: Pick<ConversationReferenceRepository, 'put'>;
  log: Logger;
  now: () => Date;
}

/** Remembered per process, bounded: what was last stored per customer+channel, and which conversations were checked. */
const MAX_REMEMBERED = 10_000;

function boundedAdd<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  if (map.size >= MAX_REMEMBERED) map.delete(map.keys().next().value as K);
  map.set(key, value);
}

export function campaignMiddleware(deps: CampaignMiddlewareDeps): Middleware {
  const storedReferences = new Map<string, string>();
  const checkedConversations = new Map<string, true>();

  async function keepReference(context: TurnContext, customerId: string): Promise<void> {
    const a = context.activity;
    if (!a.serviceUrl || a.deliveryMode === DeliveryModes.ExpectReplies || !a.from?.id || !a.conversation?.id) return;
    const reference: StoredReference = {
      customerId, channelId: a.channelId, serviceUrl: a.serviceUrl, conversationId: a.conversation.id, userId: a.from.id,
      botId: a.recipient?.id ?? '', botName: a.recipient?.name ?? '', updatedAt: deps.now().toISOString(),
    };
    const key = `${customerId}\n${a.channelId}`;
    const signature = [reference.serviceUrl, reference.conversationId, reference.userId, reference.botId].join('\n');
    if (storedReferences.get(key) === signature) return;
    await deps.references.put(reference);
    boundedAdd(storedReferences, key, signature);
  }

  async function showWaitingMessage(context: TurnContext, customerId: string): Promise<void> {
    const conversationId = context.activity.conversation.id;
    const key = `${customerId}\n${conversationId}`;
    if (checkedConversations.has(key)) return;
    boundedAdd(checkedConversations, key, true);
    const text = await deps.dispatcher.nextVisitMessage(customerId, conversationId);
    if (text) await context.sendActivity({ ...statement(text), channelData: { campaign: true } });
  }

  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { activity } = context;
      if (activity.type === ActivityTypes.Message && typeof activity.text === 'string' && STOP_REPLY.test(activity.text)) {
        const stopped = await deps.dispatcher.stopFrom(activity.conversation.id);
        if (stopped) {
          const annotations: TurnAnnotations | undefined = context.turnState.get(TURN_ANNOTATIONS);
          if (annotations) annotations.intent = 'opt_out_marketing';
          await context.sendActivity(statement(STOPPED_CONFIRMATION));
          return;
        }
      }
      await next();
      const annotations: TurnAnnotations | undefined = context.turnState.get(TURN_ANNOTATIONS);
      const customerId = annotations?.customerId;
      if (!customerId) return;
      // Campaign bookkeeping must never cost the shopper their answer: failures are logged, the turn stands.
      try {
        await keepReference(context, customerId);
        await showWaitingMessage(context, customerId);
      } catch (error) {
        deps.log.error('campaign turn step failed', { error: error as Error });
      }
    },
  };
}

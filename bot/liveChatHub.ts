/**
 * Where an agent's message goes. The chat page on this server (expectReplies, nothing to call back) keeps an
 * event stream open: messages are pushed to it. A real Bot Framework channel gets a proactive message sent with
 * the conversation reference saved from the shopper's own turns, through the connector of that channel.
 * With several instances (PostgreSQL) the stream may be held by another instance than the one the agent's message
 * arrives at: pushes then go through the relay (LISTEN/NOTIFY, data/postgres/liveMessages.ts) to every instance,
 * and each pushes to the streams it holds.
 */
import {
  type Activity, ActivityTypes, type ConversationReference, DeliveryModes, InputHints, TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, type BotFrameworkAuthentication, ClaimsIdentity } from 'botframework-connector';
import { LRUCache } from 'lru-cache';
import type { ShopperChannel } from '../review/liveChat';
import { speakable } from '../dialogs/speech/ssml';

/** What a pushed activity looks like on the event stream. */
export type PushListener = (activity: Record<string, unknown>) => void;

interface KnownConversation {
  reference: Partial<ConversationReference>;
  /** The shopper's turns use expectReplies: nothing can be called back, so push over the event stream. */
  pushOnly: boolean;
}

const MAX_REMEMBERED = 5000;

/** Carries pushes to every instance, this one included. */
export interface LiveRelay {
  publish(conversationId: string, message: Record<string, unknown>): Promise<void>;
  /** `wanted`: whether this instance holds a stream of the conversation. */
  start(handler: (conversationId: string, message: Record<string, unknown>) => void, wanted: (conversationId: string) => boolean): Promise<void>;
}

export class LiveChatHub implements ShopperChannel {
  private readonly conversations = new LRUCache<string, KnownConversation>({ max: MAX_REMEMBERED });
  private readonly listeners = new Map<string, Set<PushListener>>();

  /**
   * @param recall the reference kept with the conversation's handoff, for a conversation this process has not
   *   seen since it started (real channels only; the chat page reconnects its stream by itself).
   */
  constructor(
    private readonly auth: BotFrameworkAuthentication,
    private readonly botAppId: string,
    private readonly recall: (conversationId: string) => Promise<Partial<ConversationReference> | null> = async () => null,
    private readonly relay?: LiveRelay,
  ) {}

  /** Starts receiving other instances' pushes (no-op without a relay). */
  async connectRelay(): Promise<void> {
    await this.relay?.start((conversationId, message) => this.pushLocally(conversationId, message), (id) => this.listeners.has(id));
  }

  /** Called for every incoming turn: keeps the latest reference of each conversation (bounded, oldest dropped). */
  remember(activity: Partial<Activity>): void {
    const id = activity.conversation?.id;
    if (!id || !activity.serviceUrl) return;
    this.conversations.set(id, {
      reference: TurnContext.getConversationReference(activity),
      pushOnly: activity.deliveryMode === DeliveryModes.ExpectReplies,
    });
  }

  /** The latest reference of a real channel's conversation (none for the chat page, which cannot be called back). */
  channelReference(conversationId: string): Partial<ConversationReference> | undefined {
    const known = this.conversations.get(conversationId);
    return known && !known.pushOnly ? known.reference : undefined;
  }

  /** An open event stream of the chat page; returns the function that closes it. */
  subscribe(conversationId: string, listener: PushListener): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) this.listeners.set(conversationId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(conversationId);
    };
  }

  async deliver(conversationId: string, message: { text: string; from: { id: string; name: string } }): Promise<void> {
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message, text: message.text, speak: speakable(message.text), inputHint: InputHints.AcceptingInput,
      from: { id: message.from.id, name: message.from.name, role: 'bot' },
      channelData: { liveAgent: message.from.id !== 'bot' },
    };
    const known = this.conversations.get(conversationId);
    const reference = known ? (known.pushOnly ? null : known.reference) : await this.recall(conversationId);
    if (reference?.serviceUrl) {
      await this.sendProactive(reference, activity);
      return;
    }
    // The page may be between reloads: it replays the history (which has this message) when it comes back.
    const stamped = { ...activity, id: `live-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, timestamp: new Date().toISOString() };
    if (this.relay) await this.relay.publish(conversationId, stamped);
    else this.pushLocally(conversationId, stamped);
  }

  private pushLocally(conversationId: string, activity: Record<string, unknown>): void {
    for (const listener of this.listeners.get(conversationId) ?? []) listener(activity);
  }

  /** The connector call itself, outside the middleware pipeline: the review API records the message once. */
  private async sendProactive(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
    const claims = new ClaimsIdentity([
      { type: AuthenticationConstants.AudienceClaim, value: this.botAppId },
      { type: AuthenticationConstants.AppIdClaim, value: this.botAppId },
    ], true);
    // No audience: the factory then uses the bot's own, as CloudAdapter.continueConversationAsync does.
    const connector = await this.auth.createConnectorFactory(claims).create(reference.serviceUrl as string, undefined);
    const outgoing = TurnContext.applyConversationReference({ ...activity }, reference);
    // The shopper's own id stays the recipient; the agent speaks as the bot account of the channel.
    outgoing.from = { ...(reference.bot ?? { id: 'bot', name: '' }), name: activity.from?.name ?? reference.bot?.name ?? '' };
    await connector.conversations.sendToConversation(reference.conversation?.id as string, outgoing);
  }
}

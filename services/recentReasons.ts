/**
 * The reasons behind what each conversation was last shown, for "why this?". Bounded: the least
 * recently used conversations are forgotten first, and a forgotten one simply answers null.
 */
import { LRUCache } from 'lru-cache';
import type { SuggestionReason } from '../domain/suggestions';

const MAX_CONVERSATIONS = 5000;

export class RecentReasons {
  private readonly byConversation = new LRUCache<string, Map<string, SuggestionReason>>({ max: MAX_CONVERSATIONS });

  remember(conversationId: string, items: { productId: string; reason: SuggestionReason }[]): void {
    const known = this.byConversation.get(conversationId) ?? new Map<string, SuggestionReason>();
    for (const item of items) known.set(item.productId, item.reason);
    this.byConversation.set(conversationId, known);
  }

  reasonFor(conversationId: string, productId: string): SuggestionReason | null {
    return this.byConversation.get(conversationId)?.get(productId) ?? null;
  }
}

/**
 * The reasons behind what each conversation was last shown, for "why this?". Bounded: the oldest
 * conversations are forgotten first, and a forgotten one simply answers null.
 */
import type { SuggestionReason } from '../domain/suggestions';

const MAX_CONVERSATIONS = 5000;

export class RecentReasons {
  private readonly byConversation = new Map<string, Map<string, SuggestionReason>>();

  remember(conversationId: string, items: { productId: string; reason: SuggestionReason }[]): void {
    const known = this.byConversation.get(conversationId) ?? new Map<string, SuggestionReason>();
    this.byConversation.delete(conversationId);
    for (const item of items) known.set(item.productId, item.reason);
    this.byConversation.set(conversationId, known);
    if (this.byConversation.size > MAX_CONVERSATIONS) {
      this.byConversation.delete(this.byConversation.keys().next().value as string);
    }
  }

  reasonFor(conversationId: string, productId: string): SuggestionReason | null {
    return this.byConversation.get(conversationId)?.get(productId) ?? null;
  }
}

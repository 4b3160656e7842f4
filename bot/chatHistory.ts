/**
 * A conversation's transcript as Web Chat activities, for the chat page to replay after a reload. It is the
 * stored (redacted) transcript: what the shopper typed may come back with e.g. an email shown as [email].
 * Product cards come back as the cards that were shown (price and reason as they were then); older entries
 * without them show the cards' text as a list.
 */
import type { Attachment } from 'botbuilder';
import type { TranscriptEntry } from '../data/console/schema';
import { suggestionCarousel } from '../dialogs/suggestions/cards';

export interface HistoryActivity {
  type: 'message';
  id: string;
  timestamp: string;
  from: { id: string; name?: string; role: 'user' | 'bot' };
  text: string;
  attachments?: Attachment[];
  attachmentLayout?: 'carousel';
  channelData: { replayed: true; liveAgent?: boolean };
}

const BOT = { id: 'bot', name: 'Shopping assistant', role: 'bot' as const };

export function historyActivities(entries: readonly TranscriptEntry[], userId: string): HistoryActivity[] {
  const out: HistoryActivity[] = [];
  entries.forEach((e, index) => {
    if (e.type !== 'message') return;
    const products = e.products ?? [];
    const cards = products.length > 0 ? '' : e.cards.map((c) => `• ${c}`).join('\n');
    const text = [e.text ?? '', cards].filter((part) => part.length > 0).join('\n\n');
    if (!text && products.length === 0) return;
    out.push({
      type: 'message', id: `history-${index}`, timestamp: e.at, text,
      ...(products.length > 0 ? { attachments: suggestionCarousel(products), attachmentLayout: 'carousel' as const } : {}),
      from: e.direction === 'in' ? { id: userId, role: 'user' } : BOT,
      channelData: e.agentId !== undefined ? { replayed: true, liveAgent: true } : { replayed: true },
    });
  });
  return out;
}

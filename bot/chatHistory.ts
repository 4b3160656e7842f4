/**
 * A conversation's transcript as Web Chat activities, for the chat page to replay after a reload. It is the
 * stored (redacted) transcript: what the shopper typed may come back with e.g. an email shown as [email].
 */
import type { TranscriptEntry } from '../data/console/schema';

export interface HistoryActivity {
  type: 'message';
  id: string;
  timestamp: string;
  from: { id: string; name?: string; role: 'user' | 'bot' };
  text: string;
  channelData: { replayed: true; liveAgent?: boolean };
}

const BOT = { id: 'bot', name: 'Shopping assistant', role: 'bot' as const };

export function historyActivities(entries: readonly TranscriptEntry[], userId: string): HistoryActivity[] {
  const out: HistoryActivity[] = [];
  entries.forEach((e, index) => {
    if (e.type !== 'message') return;
    const cards = e.cards.map((c) => `• ${c}`).join('\n');
    const text = [e.text ?? '', cards].filter((part) => part.length > 0).join('\n\n');
    if (!text) return;
    out.push({
      type: 'message', id: `history-${index}`, timestamp: e.at, text,
      from: e.direction === 'in' ? { id: userId, role: 'user' } : BOT,
      channelData: e.agentId !== undefined ? { replayed: true, liveAgent: true } : { replayed: true },
    });
  });
  return out;
}

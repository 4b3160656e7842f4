/**
 * Empty page loads do not become conversations in the console: the greeting of a conversation in which nobody
 * has said anything yet is held back, and written (before the first message) once the shopper writes.
 * The writes of one conversation run one after another (the turn does not wait for its transcript write), so a
 * store that answers asynchronously (PostgreSQL) keeps the turns in order.
 */
import type { TranscriptEntry } from '../data/console/schema';
import type { TranscriptRepository } from '../data/consolePorts';
import { KeyedSerializer } from '../domain/keyedSerializer';
import type { TranscriptSink } from './transcriptMiddleware';

const MAX_HELD = 2000;

export function quietStartSink(sink: TranscriptSink & Pick<TranscriptRepository, 'get'>): TranscriptSink {
  const held = new Map<string, TranscriptEntry[]>();
  const queue = new KeyedSerializer();
  const write = async (conversationId: string, channelId: string, entries: TranscriptEntry[]): Promise<void> => {
    if ((await sink.get(conversationId)) !== undefined) return sink.append(conversationId, channelId, entries);
    const waiting = held.get(conversationId) ?? [];
    if (!entries.some((e) => e.direction === 'in' && e.type === 'message')) {
      held.delete(conversationId);
      // Oldest first out: a page left open forever must not grow memory.
      if (held.size >= MAX_HELD) held.delete(held.keys().next().value as string);
      held.set(conversationId, [...waiting, ...entries].slice(-20));
      return;
    }
    held.delete(conversationId);
    return sink.append(conversationId, channelId, [...waiting, ...entries]);
  };
  return { append: (conversationId, channelId, entries) => queue.run([conversationId], () => write(conversationId, channelId, entries)) };
}

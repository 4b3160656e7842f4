/**
 * Empty page loads do not become conversations in the console: the greeting of a conversation in which nobody
 * has said anything yet is held back, and written (before the first message) once the shopper writes.
 */
import type { TranscriptEntry } from '../data/console/schema';
import type { TranscriptSink } from './transcriptMiddleware';

const MAX_HELD = 2000;

export function quietStartSink(sink: TranscriptSink & { get(conversationId: string): unknown }): TranscriptSink {
  const held = new Map<string, TranscriptEntry[]>();
  return {
    append(conversationId, channelId, entries) {
      if (sink.get(conversationId) !== undefined) return sink.append(conversationId, channelId, entries);
      const waiting = held.get(conversationId) ?? [];
      if (!entries.some((e) => e.direction === 'in' && e.type === 'message')) {
        held.delete(conversationId);
        // Oldest first out: a page left open forever must not grow memory.
        if (held.size >= MAX_HELD) held.delete(held.keys().next().value as string);
        held.set(conversationId, [...waiting, ...entries].slice(-20));
        return Promise.resolve();
      }
      held.delete(conversationId);
      return sink.append(conversationId, channelId, [...waiting, ...entries]);
    },
  };
}

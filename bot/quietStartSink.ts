/**
 * Empty page loads do not become conversations in the console: the greeting of a conversation in which nobody
 * has said anything yet is held back, and written (before the first message) once the shopper writes.
 */
import { LRUCache } from 'lru-cache';
import type { TranscriptEntry } from '../data/console/schema';
import type { TranscriptSink } from './transcriptMiddleware';

const MAX_HELD = 2000;

export function quietStartSink(sink: TranscriptSink & { get(conversationId: string): unknown }): TranscriptSink {
  // Least recently written first out: a page left open forever must not grow memory.
  const held = new LRUCache<string, TranscriptEntry[]>({ max: MAX_HELD });
  return {
    append(conversationId, channelId, entries) {
      if (sink.get(conversationId) !== undefined) return sink.append(conversationId, channelId, entries);
      const waiting = held.get(conversationId) ?? [];
      if (!entries.some((e) => e.direction === 'in' && e.type === 'message')) {
        held.set(conversationId, [...waiting, ...entries].slice(-20));
        return Promise.resolve();
      }
      held.delete(conversationId);
      return sink.append(conversationId, channelId, [...waiting, ...entries]);
    },
  };
}

/**
 * Records every message and event of a conversation, in and out, with the segment and persona known at
 * that moment, the recognized intent and the recommender's reasons. Text is redacted before storage.
 * The write is not awaited by the turn: the store coalesces writes and errors go to the logger.
 * Recording never throws a turn away: an activity it cannot read is still recorded, as unreadable.
 */
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { TranscriptEntry } from '../data/console/schema';
import { TURN_ANNOTATIONS, type TurnAnnotations } from '../dialogs/turn';
import type { ErrorLogger } from '../logging/logger';
import { isRecorded, toEntry } from './transcriptEntries';

/** What staff see for an activity the recorder could not read. */
const UNREADABLE = '[unreadable activity]';

export interface TranscriptSink {
  append(conversationId: string, channelId: string, entries: TranscriptEntry[]): Promise<void>;
}

export interface TranscriptMiddlewareOptions {
  logger: ErrorLogger;
  now?: () => Date;
}

export class TranscriptMiddleware implements Middleware {
  private readonly now: () => Date;

  constructor(private readonly sink: TranscriptSink, private readonly options: TranscriptMiddlewareOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const incoming = context.activity;
    const receivedAt = this.now();
    const sent: TranscriptEntry[] = [];
    context.onSendActivities(async (ctx, activities, sendNext) => {
      const annotations = annotationsOf(ctx);
      for (const activity of activities) {
        if (isRecorded(activity)) sent.push(this.entry(activity, 'out', annotations, this.now(), false));
      }
      return sendNext();
    });
    try {
      await next();
    } finally {
      this.store(incoming, receivedAt, annotationsOf(context), sent);
    }
  }

  private store(incoming: Activity, receivedAt: Date, annotations: TurnAnnotations, sent: TranscriptEntry[]): void {
    const conversationId = incoming.conversation?.id;
    if (typeof conversationId !== 'string' || !conversationId) return;
    const entries = isRecorded(incoming) ? [this.entry(incoming, 'in', annotations, receivedAt, true), ...sent] : sent;
    const channelId = typeof incoming.channelId === 'string' ? incoming.channelId : 'unknown';
    this.sink.append(conversationId, channelId, entries).catch((error: unknown) => {
      this.options.logger.error('transcript write failed', { conversationId, error });
    });
  }

  private entry(activity: Partial<Activity>, direction: 'in' | 'out', annotations: TurnAnnotations, at: Date, withTurnFacts: boolean): TranscriptEntry {
    try {
      return toEntry(activity, direction, annotations, at, withTurnFacts);
    } catch (error) {
      this.options.logger.error('transcript entry unreadable', { direction, error });
      return { ...toEntry({ type: 'message', text: UNREADABLE }, direction, annotations, at, false), text: UNREADABLE };
    }
  }
}

function annotationsOf(context: TurnContext): TurnAnnotations {
  const value: unknown = context.turnState.get(TURN_ANNOTATIONS);
  return value !== null && typeof value === 'object' ? (value as TurnAnnotations) : {};
}

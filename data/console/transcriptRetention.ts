/**
 * Bounded transcripts, on every store: conversations idle for longer than the retention period (and closed handoffs
 * requested before it) are pruned in the background, a minute after start and then hourly. Failures are logged and
 * retried next time. PostgreSQL adapters prune in their own batches (data/postgres/retention.ts calls the same port).
 */
import type { TranscriptRepository } from '../consolePorts';
import { startBackgroundRounds } from '../backgroundRounds';

export interface TranscriptRetention {
  /** Conversations whose last activity is older are removed (TRANSCRIPT_RETENTION_DAYS). */
  days: number;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
  /** Default hourly. */
  everyMs?: number;
  now?: () => Date;
}

const DAY_MS = 86_400_000;

export function retentionCutoff(days: number, now: Date): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

export function startTranscriptPruning(transcripts: Pick<TranscriptRepository, 'pruneBefore'>, retention: TranscriptRetention): { stop(): Promise<void> } {
  const now = retention.now ?? (() => new Date());
  return startBackgroundRounds(() => transcripts.pruneBefore(retentionCutoff(retention.days, now()))
    .then((removed) => { if (removed) retention.log?.('Pruned old transcripts', { conversations: removed, days: retention.days }); })
    .catch((error: unknown) => retention.log?.('Transcript pruning failed, will retry', { error: (error as Error).message })),
  retention.everyMs ?? 3_600_000);
}

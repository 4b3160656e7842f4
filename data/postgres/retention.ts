/**
 * Bounded growth on PostgreSQL: what only grows with traffic is pruned in the background, in small batches so no
 * statement holds many row locks or runs long. Every instance may prune; the deletes are idempotent.
 * - dialog state untouched for `stateTtlDays` (a conversation idle that long starts afresh);
 * - suggestion events older than `suggestionEventDays` (the console's statistics look back that far at most);
 * - the change feed after `changeDays` (instances rebuild from the tables when they start; a running one reads
 *   changes within seconds);
 * - identification-failure counters untouched for a day that no longer lock anyone;
 * - conversations idle for `transcriptDays` (TRANSCRIPT_RETENTION_DAYS) with their entries, and closed handoffs
 *   requested before then; staff sessions that expired; staff sign-in marks older than a day (the window is shorter).
 * - live chat messages relayed between instances after a day (the page replays older ones from the transcript).
 */
import type { Pool } from 'pg';
import { startBackgroundRounds } from '../backgroundRounds';

export interface RetentionPolicy {
  stateTtlDays: number;
  suggestionEventDays: number;
  changeDays?: number;
  /** Conversations idle this long go with their transcript (TRANSCRIPT_RETENTION_DAYS; both stores). */
  transcriptDays?: number;
}

export interface PruneResult {
  state: number;
  suggestionEvents: number;
  changes: number;
  locks: number;
  transcripts: number;
  /** Expired staff sessions and sign-in marks older than a day. */
  staffSignIns: number;
  liveMessages: number;
}

const BATCH = 5000;
const DAY_MS = 86_400_000;

export async function pruneOnce(pool: Pool, policy: RetentionPolicy, now = new Date()): Promise<PruneResult> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  return {
    state: await deleteInBatches(pool, 'bot_state', 'key', 'updated_at < $1', [before(policy.stateTtlDays)]),
    suggestionEvents: await deleteInBatches(pool, 'suggestion_events', 'seq', 'at < $1', [before(policy.suggestionEventDays)]),
    changes: await deleteInBatches(pool, 'changes', 'id', 'at < $1', [before(policy.changeDays ?? 7)]),
    // lockedUntil is an ISO date-time string: compare as a timestamp, never as text.
    locks: await deleteInBatches(pool, 'identification_locks', 'key',
      'updated_at < $1 AND (locked_until IS NULL OR locked_until::timestamptz < $2)', [before(1), now.toISOString()]),
    transcripts: policy.transcriptDays ? await pruneTranscripts(pool, before(policy.transcriptDays)) : 0,
    staffSignIns: await deleteInBatches(pool, 'staff_sessions', 'token_hash', 'expires_at < $1', [now.toISOString()])
      + ((await pool.query('DELETE FROM staff_login_marks WHERE at_ms < $1', [now.getTime() - DAY_MS])).rowCount ?? 0),
    liveMessages: await deleteInBatches(pool, 'live_messages', 'id', 'at < $1', [before(1)]),
  };
}

/** Entries go with their conversation (ON DELETE CASCADE). */
async function pruneTranscripts(pool: Pool, before: string): Promise<number> {
  const conversations = await deleteInBatches(pool, 'conversations', 'id', 'last_activity_at < $1', [before]);
  await deleteInBatches(pool, 'handoffs', 'id', `status = 'closed' AND requested_at < $1`, [before]);
  return conversations;
}

async function deleteInBatches(pool: Pool, table: string, key: string, where: string, params: unknown[]): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await pool.query(
      `DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${where} LIMIT ${BATCH})`, params);
    total += result.rowCount ?? 0;
    if ((result.rowCount ?? 0) < BATCH) return total;
  }
}

/** Prunes now and then every `everyMs` (default hourly) until stopped; failures are logged and retried next time. */
export function startPruning(
  pool: Pool, policy: RetentionPolicy,
  log?: (msg: string, fields?: Record<string, unknown>) => void, everyMs = 3_600_000,
): { stop(): Promise<void> } {
  return startBackgroundRounds(() => pruneOnce(pool, policy)
    .then((pruned) => { if (Object.values(pruned).some((n) => n > 0)) log?.('Pruned old records', { ...pruned }); })
    .catch((error: unknown) => log?.('Pruning failed, will retry', { error: (error as Error).message })), everyMs);
}

/**
 * The append-only records kept beside the commerce file, one JSONL log each:
 *   <store>.events.jsonl (suggestion events), <store>.feedback.jsonl, <store>.audit.jsonl.
 *
 * Store files written before these logs existed hold the records inside the commerce document; opening moves
 * them into the logs (durably) before removing them from the document. A crash in between only repeats the
 * move on the next start, which skips the records a log already holds.
 */
import {
  AuditEntrySchema, FeedbackSchema, SuggestionEventSchema, type AuditEntry, type Feedback, type SuggestionEvent,
} from '../../domain/model';
import type { StoreData } from '../storeSchema';
import { AppendLog } from './appendLog';
import type { PersistentDocument } from './persistentDocument';

export interface RecordLogs {
  suggestionEvents: AppendLog<SuggestionEvent>;
  feedback: AppendLog<Feedback>;
  audit: AppendLog<AuditEntry>;
}

export function recordLogPaths(storePath: string): Record<keyof RecordLogs, string> {
  return {
    suggestionEvents: `${storePath}.events.jsonl`,
    feedback: `${storePath}.feedback.jsonl`,
    audit: `${storePath}.audit.jsonl`,
  };
}

export async function openRecordLogs(storePath: string): Promise<RecordLogs> {
  const paths = recordLogPaths(storePath);
  const customerOf = (record: { customerId: string | null }): string | null => record.customerId;
  const idOf = (record: { id: string }): string => record.id;
  const opened = await Promise.allSettled([
    AppendLog.open(paths.suggestionEvents, { schema: SuggestionEventSchema, what: 'suggestion event', idOf, customerOf }),
    AppendLog.open(paths.feedback, { schema: FeedbackSchema, what: 'feedback', idOf, customerOf }),
    // Indexed by subject, so an erasure finds the customer's earlier entries to redact.
    AppendLog.open(paths.audit, { schema: AuditEntrySchema, what: 'audit entry', idOf, customerOf: (entry: AuditEntry) => entry.subject }),
  ]);
  const [events, feedback, audit] = opened;
  if (events.status === 'fulfilled' && feedback.status === 'fulfilled' && audit.status === 'fulfilled') {
    return { suggestionEvents: events.value, feedback: feedback.value, audit: audit.value };
  }
  // Close what did open, and report the first failure.
  await Promise.all(opened.map((o) => (o.status === 'fulfilled' ? o.value.close() : undefined)));
  throw opened.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []))[0];
}

/** Migration from the single-document format; returns how many records were moved. */
export async function moveRecordsIntoLogs(doc: PersistentDocument<StoreData>, logs: RecordLogs): Promise<number> {
  const { feedback, suggestionEvents, audit } = doc.data;
  if (feedback === undefined && suggestionEvents === undefined && audit === undefined) return 0;
  const moved = await Promise.all([
    appendMissing(logs.suggestionEvents, suggestionEvents ?? []),
    appendMissing(logs.feedback, feedback ?? []),
    appendMissing(logs.audit, audit ?? []),
  ]);
  await doc.change((data) => {
    delete data.feedback;
    delete data.suggestionEvents;
    delete data.audit;
  });
  return moved.reduce((sum, n) => sum + n, 0);
}

async function appendMissing<T extends { id: string }>(log: AppendLog<T>, records: readonly T[]): Promise<number> {
  const seen = new Set<string>();
  const missing = records.filter((record) => {
    if (log.get(record.id) || seen.has(record.id)) return false;
    seen.add(record.id);
    return true;
  });
  if (missing.length) await log.append(missing);
  return missing.length;
}

export async function flushRecordLogs(logs: RecordLogs): Promise<void> {
  await Promise.all([logs.suggestionEvents.flush(), logs.feedback.flush(), logs.audit.flush()]);
}

export async function closeRecordLogs(logs: RecordLogs): Promise<void> {
  await Promise.all([logs.suggestionEvents.close(), logs.feedback.close(), logs.audit.close()]);
}

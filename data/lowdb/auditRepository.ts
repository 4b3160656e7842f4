import { AuditEntrySchema, ERASED_SUBJECT, type AuditEntry } from '../../domain/model';
import type { AuditRepository } from '../ports';
import type { AppendLog } from './appendLog';
import { validRecord } from '../records';

/** An entry about an erased customer: its action, actor and time stay; whom it was about and its details go. */
const redacted = (entry: AuditEntry): AuditEntry => ({ ...entry, subject: ERASED_SUBJECT, details: {} });

/** Append-only, in the order written. */
export class LowdbAuditRepository implements AuditRepository {
  constructor(private readonly log: AppendLog<AuditEntry>) {}

  async add(entry: AuditEntry): Promise<void> {
    await this.log.append([validRecord(AuditEntrySchema, entry, 'audit entry')]);
  }

  async list(): Promise<AuditEntry[]> {
    return this.log.all();
  }

  /** The log file is rewritten atomically, so the old lines naming the subject are gone from disk too. */
  redactSubject(subject: string): Promise<number> {
    if (subject === ERASED_SUBJECT) return Promise.resolve(0);
    return this.log.updateCustomer(subject, redacted);
  }
}

/**
 * Logs written before erasures redacted the audit: entries naming an erased customer, and erasure entries that named
 * the pseudonym with counts, are redacted in one atomic rewrite (on opening; nothing is written when none are left).
 */
export function redactErasedCustomers(log: AppendLog<AuditEntry>, erasedCustomerIds: ReadonlySet<string>): Promise<number> {
  return log.updateMatching(
    (entry) => entry.subject !== ERASED_SUBJECT && (entry.action === 'erasure' || erasedCustomerIds.has(entry.subject)),
    redacted,
  );
}

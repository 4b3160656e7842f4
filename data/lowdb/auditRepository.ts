import { AuditEntrySchema, ERASED_SUBJECT, type AuditEntry } from '../../domain/model';
import type { AuditRepository } from '../ports';
import type { AppendLog } from './appendLog';
import { validRecord } from './records';

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
    return this.log.updateCustomer(subject, (entry) => ({ ...entry, subject: ERASED_SUBJECT, details: {} }));
  }
}

import { AuditEntrySchema, type AuditEntry } from '../../domain/model';
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
}

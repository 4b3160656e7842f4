import { AuditEntrySchema, type AuditEntry } from '../../domain/model';
import type { AuditRepository } from '../ports';
import { validRecord } from './records';
import type { StoreContext } from './storeIndexes';

/** Append-only. */
export class LowdbAuditRepository implements AuditRepository {
  constructor(private readonly store: StoreContext) {}

  add(entry: AuditEntry): Promise<void> {
    return this.store.doc.change((data) => {
      data.audit.push(validRecord(AuditEntrySchema, entry, 'audit entry'));
    });
  }

  async list(): Promise<AuditEntry[]> {
    return this.store.doc.data.audit.slice();
  }
}

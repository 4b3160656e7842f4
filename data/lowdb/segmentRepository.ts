import { SegmentAssignmentSchema, type SegmentAssignment } from '../../domain/model';
import type { SegmentRepository } from '../ports';
import { validRecord } from '../records';
import type { StoreContext } from './storeIndexes';

export class LowdbSegmentRepository implements SegmentRepository {
  constructor(private readonly store: StoreContext) {}

  async get(customerId: string): Promise<SegmentAssignment | undefined> {
    return this.store.indexes.segments.get(customerId);
  }

  async list(): Promise<SegmentAssignment[]> {
    return this.store.indexes.segments.all();
  }

  /** All or nothing: every assignment is validated before any is stored; one file write for the batch. */
  putMany(assignments: SegmentAssignment[]): Promise<void> {
    return this.store.doc.change(() => {
      const valid = assignments.map((a) => validRecord(SegmentAssignmentSchema, a, 'segment assignment'));
      for (const assignment of valid) this.store.indexes.segments.upsert(assignment);
    });
  }

  remove(customerId: string): Promise<void> {
    return this.store.doc.change(() => {
      this.store.indexes.segments.remove(customerId);
    });
  }
}

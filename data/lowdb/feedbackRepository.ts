import { FeedbackSchema, type Feedback } from '../../domain/model';
import type { FeedbackRepository } from '../ports';
import { validRecord } from './records';
import type { StoreContext } from './storeIndexes';

export class LowdbFeedbackRepository implements FeedbackRepository {
  constructor(private readonly store: StoreContext) {}

  add(feedback: Feedback): Promise<void> {
    return this.store.doc.change(() => {
      this.store.indexes.feedback.add(validRecord(FeedbackSchema, feedback, 'feedback'));
    });
  }

  async list(): Promise<Feedback[]> {
    return this.store.indexes.feedback.all();
  }

  async forCustomer(customerId: string): Promise<Feedback[]> {
    return this.store.indexes.feedback.forCustomer(customerId);
  }

  unlinkCustomer(customerId: string): Promise<number> {
    return this.store.doc.change(() => this.store.indexes.feedback.relink(customerId, null));
  }
}

import { FeedbackSchema, type Feedback } from '../../domain/model';
import type { FeedbackRepository } from '../ports';
import type { AppendLog } from './appendLog';
import { validRecord } from '../records';

export class LowdbFeedbackRepository implements FeedbackRepository {
  constructor(private readonly log: AppendLog<Feedback>) {}

  async add(feedback: Feedback): Promise<void> {
    await this.log.append([validRecord(FeedbackSchema, feedback, 'feedback')]);
  }

  async list(): Promise<Feedback[]> {
    return this.log.all();
  }

  async forCustomer(customerId: string): Promise<Feedback[]> {
    return this.log.forCustomer(customerId);
  }

  /** Erasure: the scores stay, detached; the log is rewritten without the id. */
  unlinkCustomer(customerId: string): Promise<number> {
    // A comment is free text that may name the customer: it goes with the link.
    return this.log.updateCustomer(customerId, (feedback) => ({ ...feedback, customerId: null, comment: null }));
  }
}
